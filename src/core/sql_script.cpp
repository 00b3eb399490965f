#include "migmerge/core/sql_script.hpp"

#include <cctype>

namespace migmerge::core {
namespace {

std::string quoted(const std::string& text, char quote) {
    std::string out(1, quote);
    for (char c : text) {
        out += c;
        if (c == quote) out += quote;
    }
    return out + quote;
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// A dollar-quote's tag ("$$", "$body$") starting at `at`, or empty.
std::string dollar_tag(const std::string& sql, std::size_t at) {
    std::size_t end = at + 1;
    while (end < sql.size() && word_char(sql[end]) && !is_digit(sql[at + 1])) ++end;
    if (end < sql.size() && sql[end] == '$') return sql.substr(at, end - at + 1);
    return {};
}

// How far the text that starts at `at` must be copied as is (a quoted
// string, name or dollar-quoted body); `at` itself when it starts none.
std::size_t verbatim_end(const std::string& sql, std::size_t at) {
    const char c = sql[at];
    if (c == '\'' || c == '"') {
        for (std::size_t i = at + 1; i < sql.size(); ++i) {
            if (sql[i] != c) continue;
            if (i + 1 < sql.size() && sql[i + 1] == c)
                ++i;
            else
                return i + 1;
        }
        return sql.size();
    }
    if (c != '$') return at;
    const std::string tag = dollar_tag(sql, at);
    if (tag.empty()) return at;
    const std::size_t close = sql.find(tag, at + tag.size());
    return close == std::string::npos ? sql.size() : close + tag.size();
}

}  // namespace

std::string sql_literal(const std::optional<std::string>& value) {
    return value ? quoted(*value, '\'') : "NULL";
}

std::string inline_bind(const std::string& sql,
                        const std::vector<std::optional<std::string>>& bind) {
    std::string out;
    for (std::size_t i = 0; i < sql.size();) {
        const std::size_t verbatim = verbatim_end(sql, i);
        if (verbatim > i) {
            out.append(sql, i, verbatim - i);
            i = verbatim;
            continue;
        }
        std::size_t digits = i + 1;
        while (sql[i] == '$' && digits < sql.size() && is_digit(sql[digits])) ++digits;
        const bool parameter = digits > i + 1 && (i == 0 || !word_char(sql[i - 1]));
        const std::size_t number = parameter ? std::stoul(sql.substr(i + 1, digits - i - 1)) : 0;
        if (number >= 1 && number <= bind.size()) {
            out += sql_literal(bind[number - 1]);
            i = digits;
        } else {
            out += sql[i++];
        }
    }
    return out;
}

std::string meta_insert(const std::string& schema, const std::string& table,
                        const std::string& name) {
    return "INSERT INTO " + quoted(schema, '"') + "." + quoted(table, '"') +
           " (\"name\") VALUES (" + sql_literal(name) + ");";
}

std::string terminated(std::string text) {
    while (!text.empty() &&
           (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == ';'))
        text.pop_back();
    return text + ";";
}

}  // namespace migmerge::core
