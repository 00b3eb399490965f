// Whitespace-and-comments equivalence of JavaScript (core/js_source).
// On any two sources (the input split at its first NUL): reflexive and
// symmetric. On a program the harness builds from the input, out of tokens
// whose reading no layout can change (names that are not keywords, strings,
// numbers, `( ) { } [ ] ; , =`; no `async` or `return`, whose line breaks
// count): any whitespace or comment between two
// tokens keeps it the same program, and changing one string literal never
// does.
#include <array>
#include <vector>

#include "fuzz_support.hpp"
#include "migmerge/core/js_source.hpp"

namespace migmerge::fuzz {
namespace {

const std::array<const char*, 11> kWords = {"queryInterface", "addColumn", "up",   "down",
                                            "Sequelize",      "STRING",    "x_1",  "$a",
                                            "await",          "42",        "3.5e2"};
const std::array<const char*, 9> kPunctuation = {"(", ")", "{", "}", "[", "]", ";", ",", "="};
const std::array<const char*, 7> kLayout = {" ",      "\n",        "\t ",      "/* c */",
                                            "// c\n", " /**/\r\n", "\f\v  \n "};

struct Program {
    std::vector<std::string> tokens;
    std::vector<std::size_t> strings;  // indexes of the string literals
};

Program build(Bytes& input) {
    Program program;
    const std::size_t count = input.byte() % 48;  // the bytes after them pick the layout
    while (!input.empty() && program.tokens.size() < count) {
        std::uint8_t choice = input.byte();
        if (choice % 3 == 0) {
            program.tokens.push_back(kWords[choice / 3 % kWords.size()]);
        } else if (choice % 3 == 1) {
            program.tokens.push_back(kPunctuation[choice / 3 % kPunctuation.size()]);
        } else {
            std::string body;
            for (char c : input.string(8)) body += (c == '\'' || c == '\\' || c == '\n') ? 'q' : c;
            program.strings.push_back(program.tokens.size());
            program.tokens.push_back("'" + body + "'");
        }
    }
    return program;
}

// Tokens joined by one space, or by the layout the input picks.
std::string text_of(const Program& program, Bytes* layout) {
    std::string text;
    for (const std::string& token : program.tokens) {
        text += token;
        text += layout ? kLayout[layout->byte() % kLayout.size()] : " ";
    }
    return text;
}

void check_pair(const std::string& a, const std::string& b) {
    bool same = core::same_code_ignoring_layout(a, b);
    require(core::same_code_ignoring_layout(a, a), "equivalence is reflexive", a);
    require(same == core::same_code_ignoring_layout(b, a), "equivalence is symmetric",
            a + "\n~\n" + b);
}

void check_layout(Bytes& input) {
    Program program = build(input);
    const std::string plain = text_of(program, nullptr);
    const std::string laid_out = text_of(program, &input);
    require(core::same_code_ignoring_layout(plain, laid_out),
            "whitespace or a comment between tokens keeps the program", plain + "\n~\n" + laid_out);
    if (program.strings.empty()) return;
    std::size_t changed = program.strings[input.byte() % program.strings.size()];
    program.tokens[changed].insert(1, " ");
    require(!core::same_code_ignoring_layout(plain, text_of(program, nullptr)),
            "changing a string literal changes the program", plain);
}

}  // namespace
}  // namespace migmerge::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = text.find('\0');
    migmerge::fuzz::check_pair(text.substr(0, nul),
                               nul == std::string::npos ? text : text.substr(nul + 1));
    migmerge::fuzz::Bytes input(data, size);
    migmerge::fuzz::check_layout(input);
    return 0;
}
