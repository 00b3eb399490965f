#include "migmerge/core/schema_snapshot.hpp"

#include <algorithm>
#include <set>

namespace migmerge::core {
namespace {

using Attributes = std::map<std::string, std::string>;

std::string attribute_or_absent(const Attributes& attributes, const std::string& name) {
    auto found = attributes.find(name);
    return found == attributes.end() ? absent_attribute : found->second;
}

// The attributes that differ, in name order (std::set sorts them).
std::set<std::string> differing_attributes(const Attributes& expected, const Attributes& actual) {
    std::set<std::string> names;
    for (const auto& [name, value] : expected) {
        if (attribute_or_absent(actual, name) != value) names.insert(name);
    }
    for (const auto& [name, value] : actual) {
        if (attribute_or_absent(expected, name) != value) names.insert(name);
    }
    return names;
}

ObjectDifference changed(const SchemaObject& expected, const SchemaObject& actual) {
    ObjectDifference difference{ObjectDifference::Kind::changed, expected.key(), {}};
    std::set<std::string> names = differing_attributes(expected.attributes, actual.attributes);
    for (const std::string& name : names) {
        difference.details.push_back(name + ": " + attribute_or_absent(expected.attributes, name) +
                                     " -> " + attribute_or_absent(actual.attributes, name));
    }
    // Column order alone is a weaker difference: verify may tolerate it.
    difference.position_only =
        expected.kind == "column" && names == std::set<std::string>{"position"};
    return difference;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

}  // namespace

void SchemaSnapshot::add(SchemaObject object) {
    std::string key = object.key();
    objects.insert_or_assign(std::move(key), std::move(object));
}

// Both maps are sorted by key, so one merge walk yields differences in key order.
std::vector<ObjectDifference> compare_snapshots(const SchemaSnapshot& expected,
                                                const SchemaSnapshot& actual) {
    std::vector<ObjectDifference> differences;
    auto left = expected.objects.begin();
    auto right = actual.objects.begin();
    while (left != expected.objects.end() || right != actual.objects.end()) {
        if (right == actual.objects.end() ||
            (left != expected.objects.end() && left->first < right->first)) {
            differences.push_back({ObjectDifference::Kind::missing, left->first, {}});
            ++left;
        } else if (left == expected.objects.end() || right->first < left->first) {
            differences.push_back({ObjectDifference::Kind::extra, right->first, {}});
            ++right;
        } else {
            if (left->second.attributes != right->second.attributes) {
                differences.push_back(changed(left->second, right->second));
            }
            ++left;
            ++right;
        }
    }
    return differences;
}

bool only_column_order(const std::vector<ObjectDifference>& differences) {
    return !differences.empty() &&
           std::all_of(differences.begin(), differences.end(),
                       [](const ObjectDifference& difference) { return difference.position_only; });
}

bool only_row_content(const std::vector<ObjectDifference>& differences) {
    const auto content_only = [](const ObjectDifference& difference) {
        return difference.kind == ObjectDifference::Kind::changed &&
               difference.object.rfind("rows ", 0) == 0 &&
               std::all_of(
                   difference.details.begin(), difference.details.end(),
                   [](const std::string& detail) { return detail.rfind("hash: ", 0) == 0; });
    };
    return !differences.empty() &&
           std::all_of(differences.begin(), differences.end(), content_only);
}

std::string describe(const ObjectDifference& difference, const std::string& actual_label) {
    switch (difference.kind) {
        case ObjectDifference::Kind::missing:
            return difference.object + ": missing from " + actual_label;
        case ObjectDifference::Kind::extra:
            return difference.object + ": only in " + actual_label;
        case ObjectDifference::Kind::changed:
            break;
    }
    return difference.object + ": " + joined(difference.details, ", ");
}

std::string to_string(ObjectDifference::Kind kind) {
    switch (kind) {
        case ObjectDifference::Kind::missing:
            return "missing";
        case ObjectDifference::Kind::extra:
            return "extra";
        case ObjectDifference::Kind::changed:
            break;
    }
    return "changed";
}

std::ostream& operator<<(std::ostream& out, const SchemaObject& object) {
    out << object.key() << " {";
    for (const auto& [name, value] : object.attributes) out << " " << name << "=" << value << ";";
    return out << " }";
}

std::ostream& operator<<(std::ostream& out, const SchemaSnapshot& snapshot) {
    out << "SchemaSnapshot{\n";
    for (const auto& entry : snapshot.objects) out << "  " << entry.second << "\n";
    return out << "}";
}

std::ostream& operator<<(std::ostream& out, const ObjectDifference& difference) {
    out << to_string(difference.kind) << " " << difference.object;
    if (!difference.details.empty()) out << " (" << joined(difference.details, ", ") << ")";
    return out << (difference.position_only ? " [position only]" : "");
}

}  // namespace migmerge::core
