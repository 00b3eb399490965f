#pragma once
// What the output-module tests share: an Output that writes into strings, and
// a merge of two branches (with no repository behind it) to print reports of.
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "invocation.hpp"
#include "ref_options.hpp"

namespace migmerge::cli::test {

struct Captured {
    std::ostringstream out;
    std::ostringstream err;

    Output output(Format format = Format::text, bool color = false) {
        return Output{out, err, format, color, false, false};
    }
    std::string text() const { return out.str(); }
    nlohmann::json json() const { return nlohmann::json::parse(out.str()); }
};

// The files of sample_merge(): the merge base has `init`; production (base)
// added `base_a`, HEAD added `early` and `head_b` (and a README.md, which is no
// migration), and both added `shared`.
inline const std::string init = "20240101000000-init.js";
inline const std::string early = "20240115000000-head-early.js";
inline const std::string base_a = "20240201000000-base-a.js";
inline const std::string head_b = "20240201000000-head-b.js";
inline const std::string shared = "20240301000000-shared.js";

inline MergeContext sample_merge() {
    MergeContext context;
    context.base = {"production", "1111111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    context.head = {"HEAD", "2222222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"};
    context.merge_base = "3333333333cccccccccccccccccccccccccccccc";
    context.judged = Judged::union_of_sides;
    context.deployed_reason = "named by --base";
    context.folder = "db/migrations";
    core::MergeSets& sets = context.input.sets;
    sets.merge_base.files = {{init, "i"}};
    sets.base.files = sets.merge_base.files;
    sets.base.files.insert({{base_a, "a"}, {shared, "s"}});
    sets.head.files = sets.merge_base.files;
    sets.head.files.insert({{"README.md", "r"}, {early, "e"}, {head_b, "b"}, {shared, "s"}});
    sets.result = sets.head;
    sets.result.files.insert(sets.base.files.begin(), sets.base.files.end());
    return context;
}

}  // namespace migmerge::cli::test
