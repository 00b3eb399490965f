#include "analysis_rules.hpp"

namespace migmerge::core {
namespace {

bool added_on(const MergeSets& sets, const MigrationSet& side, const std::string& name) {
    return side.contains(name) && !sets.merge_base.contains(name);
}

// A result file that only a ledger chain explains: where its oldest name came from.
Origin renamed_origin(const AnalysisInput& input, const std::string& name) {
    const MergeSets& sets = input.sets;
    for (const std::string& earlier : input.ledger.earlier_names(name)) {
        bool by_base = added_on(sets, sets.base, earlier);
        bool by_head = added_on(sets, sets.head, earlier);
        if (by_head && !by_base) return Origin::renamed_from_head;
        if (by_base && !by_head) return Origin::renamed_from_base;
    }
    return Origin::result_only;
}

}  // namespace

Origin origin_of(const AnalysisInput& input, const std::string& name) {
    const MergeSets& sets = input.sets;
    if (sets.merge_base.contains(name)) return Origin::merge_base;
    bool in_base = sets.base.contains(name);
    bool in_head = sets.head.contains(name);
    if (in_base && in_head) return Origin::both;
    if (in_base) return Origin::base;
    if (in_head) return Origin::head;
    return renamed_origin(input, name);
}

std::ostream& operator<<(std::ostream& out, RenameSide side) {
    return out << (side == RenameSide::head ? "head" : "base");
}

std::ostream& operator<<(std::ostream& out, Origin origin) {
    switch (origin) {
        case Origin::merge_base:
            return out << "merge_base";
        case Origin::base:
            return out << "base";
        case Origin::head:
            return out << "head";
        case Origin::both:
            return out << "both";
        case Origin::renamed_from_head:
            return out << "renamed_from_head";
        case Origin::renamed_from_base:
            return out << "renamed_from_base";
        case Origin::result_only:
            return out << "result_only";
    }
    return out << "unknown";
}

namespace rules {

Side added_by(Origin origin) {
    switch (origin) {
        case Origin::base:
        case Origin::renamed_from_base:
            return Side::base;
        case Origin::head:
        case Origin::renamed_from_head:
        case Origin::result_only:
            return Side::head;  // made during the merge: like head's own
        case Origin::merge_base:
        case Origin::both:
            return Side::none;
    }
    return Side::none;
}

Side added_by(const AnalysisInput& input, const std::string& name) {
    return added_by(origin_of(input, name));
}

Side renamed_side(const AnalysisInput& input) {
    return input.rename_side == RenameSide::head ? Side::head : Side::base;
}

Side side_of(const AnalysisInput& input, const std::vector<std::string>& files) {
    Side combined = Side::none;
    for (const std::string& file : files) {
        Side side = added_by(input, file);
        if (side == Side::none) side = Side::both;  // there before, or added on both sides
        if (combined != Side::none && combined != side) return Side::both;
        combined = side;
    }
    return combined;
}

std::string list_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
        text += names[i];
    }
    return text;
}

}  // namespace rules
}  // namespace migmerge::core
