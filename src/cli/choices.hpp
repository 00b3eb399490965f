#pragma once
// An option whose value is one of a few words (--format text|json|github):
// the help shows the words alone, and anything else is one line naming them.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "migmerge/core/error.hpp"

namespace migmerge::cli {

template <typename T>
using Choices = std::vector<std::pair<std::string, T>>;

// "text|json|github"
template <typename T>
std::string choice_names(const Choices<T>& choices) {
    std::string names;
    for (const auto& choice : choices) names += (names.empty() ? "" : "|") + choice.first;
    return names;
}

inline std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Error(bad_input), as any bad usage, for a word that is not a choice
// (case-insensitive when asked).
template <typename T>
CLI::Option* add_choice_option(CLI::App& command, const std::string& name, T& value,
                               const std::string& help, Choices<T> choices,
                               bool ignore_case = false) {
    const std::string names = choice_names(choices);
    auto choose = [&value, name, names, choices, ignore_case](const std::string& given) {
        const std::string word = ignore_case ? lowercase(given) : given;
        for (const auto& choice : choices) {
            if (choice.first != word) continue;
            value = choice.second;
            return;
        }
        throw bad_input("bad usage", name + " '" + given + "' is not one of " + names,
                        "see `migmerge --help`");
    };
    return command.add_option_function<std::string>(name, choose, help)->type_name(names);
}

}  // namespace migmerge::cli
