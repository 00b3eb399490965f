#include "migmerge/sys/json_text.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "migmerge/core/utf8.hpp"

namespace migmerge::sys {
namespace {

void note(const std::string& text, std::vector<std::string>& found) {
    if (core::is_valid_utf8(text)) return;
    if (std::find(found.begin(), found.end(), text) == found.end()) found.push_back(text);
}

void collect(const nlohmann::json& value, std::vector<std::string>& found) {
    if (value.is_string()) return note(value.get_ref<const std::string&>(), found);
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            note(it.key(), found);
            collect(it.value(), found);
        }
    } else if (value.is_array()) {
        for (const nlohmann::json& element : value) collect(element, found);
    }
}

}  // namespace

std::string json_text(const nlohmann::json& document, int indent) {
    return document.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> non_utf8_strings(const nlohmann::json& document) {
    std::vector<std::string> found;
    collect(document, found);
    return found;
}

}  // namespace migmerge::sys
