#pragma once
// What the output-module tests share: an Output that writes into strings, and
// a merge of two branches (with no repository behind it) to print reports of.
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "invocation.hpp"
#include "merge_inputs.hpp"

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

// The merge base has 20240101000000-init.js; production (base) added
// 20240201000000-base-a.js, HEAD added 20240115000000-head-early.js and
// 20240201000000-head-b.js (and a README.md, which is no migration), and both
// added 20240301000000-shared.js.
inline MergeContext sample_merge() {
    MergeContext context;
    context.base = {"production", "1111111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    context.head = {"HEAD", "2222222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"};
    context.merge_base = "3333333333cccccccccccccccccccccccccccccc";
    context.judged = Judged::union_of_sides;
    context.folder = "db/migrations";
    core::MergeSets& sets = context.input.sets;
    sets.merge_base.files = {{"20240101000000-init.js", "i"}};
    sets.base.files = sets.merge_base.files;
    sets.base.files.insert({{"20240201000000-base-a.js", "a"}, {"20240301000000-shared.js", "s"}});
    sets.head.files = sets.merge_base.files;
    sets.head.files.insert({{"README.md", "r"},
                            {"20240115000000-head-early.js", "e"},
                            {"20240201000000-head-b.js", "b"},
                            {"20240301000000-shared.js", "s"}});
    sets.result = sets.head;
    sets.result.files.insert(sets.base.files.begin(), sets.base.files.end());
    return context;
}

}  // namespace migmerge::cli::test
