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

// What nlohmann found, in our words, from the part of its message before the
// quoted token; the token itself never comes out.
std::string kind_of(const std::string& message) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"ill-formed UTF-8", "a byte that is not UTF-8 (is the file saved as UTF-8?)"},
        {"control character", "a control character inside a string"},
        {"missing closing quote", "a string without its closing quote"},
        {"after backslash", "an unknown escape after a backslash"},
        {"must be followed by 4 hex digits", "a \\u escape without 4 hex digits"},
        {"surrogate", "a \\u escape with half a UTF-16 surrogate pair"},
        {"invalid number", "a malformed number"},
        {"invalid literal", "a word that is not true, false, null or a quoted string"},
        {"BOM", "a broken byte-order mark"},
        {"unexpected end of input", "it ends before the value does"},
        {"expected end of input", "more text after the value"},
    };
    const std::string described = message.substr(0, message.find("; last read"));
    for (const auto& [marker, kind] : kinds) {
        if (described.find(marker) != std::string::npos) return kind;
    }
    return "a syntax error";
}

// nlohmann's `byte` counts the bytes read, the failing one included.
std::string position_of(const std::string& text, std::size_t byte) {
    const std::size_t end = std::min(byte, text.size());
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i + 1 < end; ++i) {
        if (text[i] == '\n') ++line, line_start = i + 1;
    }
    const std::size_t column = end > line_start ? end - line_start : 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
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

nlohmann::json parse_json(const std::string& text, ExitCode code, const std::string& what) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(code, what,
                    "not JSON at " + position_of(text, error.byte) + ": " + kind_of(error.what()));
    } catch (const nlohmann::json::exception&) {
        // out_of_range.406, "number overflow parsing '4e354'" (found by
        // tests/fuzz/sequelize_config): the only other error parse() raises.
        throw Error(code, what, "not JSON: a number too large for a double");
    }
}

}  // namespace migmerge::sys
