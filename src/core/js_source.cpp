// Whether two JavaScript/TypeScript sources differ only in layout: both are cut into tokens by a
// small scanner (not a parser) and the two token sequences compared. The rule, exactly:
// - `// ...` and `/* ... */` comments are dropped. An unterminated `/*` is kept verbatim to the
//   end of the file, as is a `#!` line at the start.
// - ASCII whitespace (space, tab, CR, LF, FF, VT) and a UTF-8 BOM at the start only separate
//   tokens.
// - '...' and "..." strings, `...` templates (their ${...} included) and regular expression
//   literals (with their flags) are single tokens compared byte for byte: whitespace, quotes and
//   escapes inside them count. Unterminated, a string or template runs to the end of the file,
//   a regex to the end of its line.
// - A run of [A-Za-z0-9_$#\] and bytes >= 0x80 is one word; a number (starting with a digit, or
//   `.` and a digit) also takes `.` and an exponent's sign. Every other byte is a token of its own,
//   so `;`, `,` and parentheses count.
// - Whitespace still counts where dropping it could change the tokens JavaScript reads: between
//   two of + - * / % < > = & | ^ ! ? . : (`a + +b` is not `a ++b`), and a line break after
//   return throw break continue yield async abstract declare type namespace module, or before
//   `++`/`--` (automatic semicolon insertion reads those line breaks).
// - A `/` starts a regular expression unless the previous token ends an operand: a word other
//   than return typeof instanceof in of new delete void throw case do else yield await; `]`;
//   `}`; a `)` that does not close an if/while/for/with condition; a string, template or regex.
// Being unsure must read as "different", so each doubt keeps more text significant; the price is
// that `x = -1` and `x =-1` differ. Known limit, rare in migrations: a regex right after a block's
// `}` or after `x++` is read as a division, so whitespace inside it is then ignored.
#include "migmerge/core/js_source.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

namespace migmerge::core {
namespace {

// `literal`: strings, templates, regexes. `verbatim`: a shebang or an unterminated comment.
// `layout`: whitespace that still counts.
enum class Kind { word, punct, literal, verbatim, layout };

struct Token {
    Kind kind;
    std::string_view text;
    bool operator==(const Token& other) const { return kind == other.kind && text == other.text; }
};

// What the scanner skipped before a token.
struct Gap {
    bool any = false;
    bool line_break = false;
};

// Nested `${ `...` }` deeper than this keeps the rest of the file verbatim instead of recursing.
constexpr int max_nesting = 64;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// `\` (identifier escapes) and `#` (private names) included, so `a \u0062` is not `a\u0062`.
bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
           c == '$' || c == '\\' || c == '#' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_word(const Token& token, std::initializer_list<std::string_view> words) {
    return token.kind == Kind::word &&
           std::find(words.begin(), words.end(), token.text) != words.end();
}

// Reads one token at a time; a template's ${...} is found with a nested Scanner.
class Scanner {
  public:
    Scanner(std::string_view source, std::size_t at, int depth = 0)
        : source_(source), at_(at), depth_(depth) {}

    // Skips layout, then reads one token; false at the end of the source.
    bool advance() {
        gap_ = skip_layout();
        if (at_ >= source_.size()) return false;
        Token token = read_token();
        if (token.kind == Kind::punct) track_parens(token);
        last_ = token;
        return true;
    }

    const Token& token() const { return *last_; }
    Gap gap() const { return gap_; }
    std::string_view rest() const { return source_.substr(at_); }

  private:
    bool starts_with(std::size_t at, std::string_view prefix) const {
        return source_.substr(at, prefix.size()) == prefix;
    }

    Gap skip_layout() {
        Gap gap;
        for (std::size_t end; at_ < source_.size() && (end = layout_end(at_)) != at_; at_ = end) {
            gap.any = true;
            const std::string_view skipped = source_.substr(at_, end - at_);
            gap.line_break |= skipped.find_first_of("\r\n") != std::string_view::npos;
        }
        return gap;
    }

    // The end of the whitespace or complete comment at `at`, or `at` when none starts there.
    std::size_t layout_end(std::size_t at) const {
        if (is_space(source_[at])) {
            while (at < source_.size() && is_space(source_[at])) ++at;
            return at;
        }
        if (starts_with(at, "//"))
            return std::min(source_.find_first_of("\r\n", at), source_.size());
        if (!starts_with(at, "/*")) return at;
        const std::size_t close = source_.find("*/", at + 2);
        return close == std::string_view::npos ? at : close + 2;
    }

    Token read_token() {
        const std::size_t start = at_;
        Kind kind = Kind::literal;
        if (source_[at_] == '\'' || source_[at_] == '"') {
            at_ = string_end(at_);
        } else if (source_[at_] == '`') {
            at_ = template_end(at_);
        } else if (starts_with(at_, "/*")) {  // skip_layout left it: unterminated
            at_ = source_.size();
            kind = Kind::verbatim;
        } else if (source_[at_] == '/' && regex_allowed()) {
            at_ = regex_end(at_);
        } else {
            kind = is_word_byte(source_[at_]) || starts_number(at_) ? Kind::word : Kind::punct;
            at_ = kind == Kind::word ? word_end(at_) : at_ + 1;
        }
        return {kind, source_.substr(start, at_ - start)};
    }

    // After a quote: the byte after the matching unescaped quote, or the end of the source.
    std::size_t string_end(std::size_t at) const {
        for (std::size_t i = at + 1; i < source_.size(); ++i) {
            if (source_[i] == source_[at]) return i + 1;
            if (source_[i] == '\\') ++i;  // the escaped byte cannot close it
        }
        return source_.size();
    }

    std::size_t template_end(std::size_t at) const {
        if (depth_ >= max_nesting) return source_.size();
        for (std::size_t i = at + 1; i < source_.size(); ++i) {
            if (source_[i] == '`') return i + 1;
            if (source_[i] == '\\') {
                ++i;  // an escaped byte is text: `\${` opens nothing
            } else if (starts_with(i, "${")) {
                i = substitution_end(i + 2) - 1;
            }
        }
        return source_.size();
    }

    // After the `}` closing a ${ whose code starts at `at`: read as code, so a `}` inside a
    // string, comment, regex or nested template does not close it.
    std::size_t substitution_end(std::size_t at) const {
        Scanner inner(source_, at, depth_ + 1);
        int depth = 0;
        while (inner.advance()) {
            const Token& token = inner.token();
            if (token.kind != Kind::punct) continue;
            if (token.text == "{") ++depth;
            if (token.text == "}" && depth-- == 0) return inner.at_;
        }
        return source_.size();
    }

    // Whether a `/` here starts a regular expression rather than a division.
    bool regex_allowed() const {
        if (!last_) return true;
        if (last_->kind == Kind::literal) return false;
        if (last_->kind == Kind::word) {
            return is_word(*last_, {"return", "typeof", "instanceof", "in", "of", "new", "delete",
                                    "void", "throw", "case", "do", "else", "yield", "await"});
        }
        if (last_->text == ")") return closed_condition_;
        return last_->text != "]" && last_->text != "}";
    }

    // After the opening `/`: the end of the flags, or of the line when the regex is unterminated.
    std::size_t regex_end(std::size_t at) const {
        bool in_class = false;
        for (std::size_t i = at + 1; i < source_.size(); ++i) {
            const char c = source_[i];
            if (c == '\n' || c == '\r') return i;
            if (c == '/' && !in_class) return word_end(i + 1);
            if (c == '[' || c == ']') in_class = c == '[';
            if (c == '\\') ++i;  // the escaped byte cannot close it or a class
        }
        return source_.size();
    }

    bool starts_number(std::size_t at) const {
        return is_digit(source_[at]) ||
               (source_[at] == '.' && at + 1 < source_.size() && is_digit(source_[at + 1]));
    }

    // A number also takes `.` and an exponent's sign, so `1 .5` and `1. 5` are not `1.5`.
    std::size_t word_end(std::size_t at) const {
        const bool number = at < source_.size() && starts_number(at);
        const bool hex = number && (starts_with(at, "0x") || starts_with(at, "0X"));
        std::size_t i = at;
        for (; i < source_.size(); ++i) {
            const char c = source_[i];
            const bool sign = (c == '+' || c == '-') && i > at &&
                              (source_[i - 1] == 'e' || source_[i - 1] == 'E') && !hex;
            if (!is_word_byte(c) && !(number && (c == '.' || sign))) break;
        }
        return i;
    }

    // Remembers which parentheses hold an if/while/for/with condition: a `/` after its `)`
    // starts a statement, hence a regex.
    void track_parens(const Token& token) {
        if (token.text == "(") {
            parens_.push_back(last_ && is_word(*last_, {"if", "while", "for", "with"}));
        } else if (token.text == ")") {
            closed_condition_ = !parens_.empty() && parens_.back();
            if (!parens_.empty()) parens_.pop_back();
        }
    }

    std::string_view source_;
    std::size_t at_;
    int depth_;
    Gap gap_;
    std::optional<Token> last_;
    std::vector<bool> parens_;
    bool closed_condition_ = false;
};

bool fuses(const Token& token) {
    return token.kind == Kind::punct &&
           std::string_view("+-*/%<>=&|^!?.:").find(token.text) != std::string_view::npos;
}

// The layout before `next` that still counts (see the header comment), if any.
std::optional<Token> counted_layout(const Token& previous, Gap gap, const Token& next,
                                    std::string_view after_next) {
    if (!gap.any) return std::nullopt;
    const bool update =
        (next.text == "+" || next.text == "-") && after_next.substr(0, 1) == next.text;
    const bool restricted =
        is_word(previous, {"return", "throw", "break", "continue", "yield", "async", "abstract",
                           "declare", "type", "namespace", "module"});
    if (gap.line_break && (restricted || update)) return Token{Kind::layout, "\n"};
    if (fuses(previous) && fuses(next)) return Token{Kind::layout, " "};
    return std::nullopt;
}

std::vector<Token> tokenize(std::string_view source) {
    std::vector<Token> tokens;
    std::size_t at = source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    if (source.substr(at, 2) == "#!") {
        const std::size_t end = std::min(source.find_first_of("\r\n", at), source.size());
        tokens.push_back({Kind::verbatim, source.substr(at, end - at)});
        at = end;
    }
    Scanner scanner(source, at);
    while (scanner.advance()) {
        const Token& next = scanner.token();
        if (!tokens.empty()) {
            auto layout = counted_layout(tokens.back(), scanner.gap(), next, scanner.rest());
            if (layout) tokens.push_back(*layout);
        }
        tokens.push_back(next);
    }
    return tokens;
}

}  // namespace

bool same_code_ignoring_layout(const std::string& a, const std::string& b) {
    return tokenize(a) == tokenize(b);
}

}  // namespace migmerge::core
