#include "migmerge/core/js_source.hpp"

#include <gtest/gtest.h>

#include <string>

namespace migmerge::core {
namespace {

void expect_same(const std::string& a, const std::string& b) {
    EXPECT_TRUE(same_code_ignoring_layout(a, b)) << "a:\n" << a << "\nb:\n" << b;
    EXPECT_TRUE(same_code_ignoring_layout(b, a)) << "b:\n" << b << "\na:\n" << a;
}

void expect_different(const std::string& a, const std::string& b) {
    EXPECT_FALSE(same_code_ignoring_layout(a, b)) << "a:\n" << a << "\nb:\n" << b;
    EXPECT_FALSE(same_code_ignoring_layout(b, a)) << "b:\n" << b << "\na:\n" << a;
}

TEST(JsSource, IdenticalAndEmptySourcesAreTheSame) {
    expect_same("", "");
    expect_same("", " \n\t\r\n");
    expect_same(
        "\xEF\xBB\xBF"
        "const a = 1;",
        "const a = 1;");
    expect_different("", ";");
}

TEST(JsSource, ReindentingIsLayout) {
    expect_same("if (a) {\n\tf();\n}\n", "if (a) {\n    f();\n}\n");
    expect_same("if (a) {\n  f();\n}\n", "if (a) {\n    f();\n}\n");
}

TEST(JsSource, LineEndingsTrailingWhitespaceAndBlankLinesAreLayout) {
    expect_same("a();\r\nb();\r\n", "a();\nb();\n");
    expect_same("a();   \nb();\t\n", "a();\nb();\n");
    expect_same("a();\n\n\n\nb();", "a();\nb();");
    expect_same("f(a,b)", "f( a , b )");
    expect_same("x=>{", "x => {");
}

TEST(JsSource, LineCommentsAreLayout) {
    expect_same("a(); // old note\nb();", "a();\nb();");
    expect_same("a(); // old note\nb();", "a(); // new note\nb();");
    expect_same("// header\na();", "a();");
    expect_different("a(); // b();\n", "a(); b();\n");
}

TEST(JsSource, BlockCommentsAndJsDocAreLayout) {
    expect_same("a(/* why */ 1);", "a(1);");
    expect_same("a();\n/* one\n * two\n */\nb();", "a();\nb();");
    expect_same(
        "/**\n * Adds the users table.\n * @param {QueryInterface} queryInterface\n */\n"
        "async function up(queryInterface) {}",
        "async function up(queryInterface) {}");
    expect_different("a/**/b", "ab");
}

TEST(JsSource, CommentMarkersInsideStringsAreText) {
    expect_same("f('http://x'); // note", "f('http://x');");
    expect_different("f('http://x');", "f('http://y');");
    expect_different("f('a // b');", "f('a // c');");
    expect_different("f(\"/* a */\");", "f(\"/* b */\");");
    expect_different("f(`// a`);", "f(`// b`);");
}

TEST(JsSource, WhitespaceInsideStringsAndTemplatesCounts) {
    expect_different("f('a b');", "f('a  b');");
    expect_different("f(\"a b\");", "f(\"a\tb\");");
    expect_different("f('it\\'s a');", "f('it\\'s  a');");
    expect_different("sql(`SELECT 1`);", "sql(`SELECT  1`);");
    expect_different("sql(`SELECT\n  1`);", "sql(`SELECT\n    1`);");
    expect_different("sql(`${ a }`);", "sql(`${a}`);");
    expect_same("sql(`x ${ a } y`);  // note", "sql( `x ${ a } y` );");
}

TEST(JsSource, TemplateSubstitutionsEndAtTheirOwnBrace) {
    // A `}` inside a nested string or template does not end the ${...}: what follows the
    // template is still code, so the edit after it is judged as code.
    expect_same("f(`${g('}')} x`); //", "f( `${g('}')} x` );");
    expect_different("f(`${g('}')} x`, 'a b');", "f(`${g('}')} x`, 'a  b');");
    expect_same("f(`a${`b${{c: 1}.c}`}`)  ;", "f(`a${`b${{c: 1}.c}`}`);");
    expect_different("f(`a${`b ${c}`}`);", "f(`a${`b  ${c}`}`);");
    // The object's `}` does not close the ${: else the quoted backtick would close the template.
    expect_different("f(`${ {k: 1}['`'] }`); g('p q')", "f(`${ {k: 1}['`'] }`); g('p  q')");
}

TEST(JsSource, LineContinuationStaysInsideTheString) {
    expect_same("f('a\\\nb'); // c", "f('a\\\nb');");
    expect_different("f('a\\\nb');", "f('a\\\n  b');");
}

TEST(JsSource, QuoteStyleCounts) {
    expect_different("f('a');", "f(\"a\");");
    expect_different("f('a');", "f(`a`);");
}

TEST(JsSource, PunctuationCounts) {
    expect_different("a()\nb()", "a();\nb()");
    expect_different("f({ a: 1 })", "f({ a: 1, })");
    expect_different("f(a)", "f((a))");
}

TEST(JsSource, WordsCount) {
    expect_different("const users = 1;", "const people = 1;");
    expect_different("a b", "ab");
    expect_different("a \\u0062", "a\\u0062");
    expect_different("this.#x", "this.# x");
    expect_different("x = 1.5", "x = 1 .5");
    expect_different("x = 1.5", "x = 1. 5");
    expect_same("x = 1.5e+3 ;", "x=1.5e+3;");
    expect_different("x = 1.5e+3", "x = 1.5e+ 3");
    expect_same("x = 0xE+1", "x = 0xE + 1");  // hex: no exponent, so a plus
}

TEST(JsSource, WhitespaceThatKeepsOperatorsApartCounts) {
    expect_different("a + +b", "a ++b");
    expect_different("a - -b", "a --b");
    expect_different("a / *b", "a /*b");
    expect_same("a + +b", "a +  /* x */ +b");
    expect_same("a + b", "a+b");
}

TEST(JsSource, LineBreaksThatEndAStatementCount) {
    expect_different("return\nx;", "return x;");
    expect_different("return /*\n*/ x;", "return x;");
    expect_different("a\n++b", "a ++b");
    expect_same("return x;", "return   x;");
}

TEST(JsSource, RegexLiteralsAreKeptWhole) {
    expect_same("const url = /https?:\\/\\//; // a comment", "const url = /https?:\\/\\//;");
    expect_same("x = /[/]/g; // c", "x = /[/]/g;");
    expect_different("x = /[/ ]/;", "x = /[/  ]/;");
    expect_different("x = /a  b/;", "x = /a b/;");
    expect_different("x = /ab/g;", "x = /ab/ g;");
    expect_same("return /a b/.test(s);", "return  /a b/.test( s );");
    expect_different("if (x) /a b/.test(s);", "if (x) /a  b/.test(s);");
    expect_different("if (f(x)) /a b/.test(s);", "if (f(x)) /a  b/.test(s);");
    for (std::string word : {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
                             "throw", "case", "do", "else", "yield", "await"}) {
        expect_different(word + " /a b/", word + " /a  b/");
    }
}

TEST(JsSource, DivisionIsAnOperator) {
    expect_same("a / b / c", "a/b/c");
    expect_same("f(a) / 2 / g[1]", "f(a)/2/g[1]");
    expect_same("x = 'a' / 2 / 3", "x = 'a'/2/3");
    expect_same("x = `a` / 2 / 3", "x = `a`/2/3");
    expect_same("x = a[0] / 2 / 3", "x = a[0]/2/3");
    expect_same("x = {} / 2 / 3", "x = {}/2/3");
}

TEST(JsSource, UnterminatedInputStillCompares) {
    expect_same("f('abc", "f('abc");
    expect_different("f('a b", "f('a  b");
    expect_same("a(); /* open", "a();  /* open");
    expect_different("a(); /* open a", "a(); /* open  a");
    expect_different("x = `a ${ b", "x = `a ${  b");
    expect_different("x = /a b\n", "x = /a  b\n");
    expect_same("x = /a b\ny = 1", "x = /a b\ny  =  1");  // a regex never spans lines
    expect_same("x = `${`${`${", "x = `${`${`${");
}

TEST(JsSource, BinaryInputIsJustBytes) {
    const std::string binary("\x00\xff\xfe`${'\"/*\x80\\", 12);
    EXPECT_TRUE(same_code_ignoring_layout(binary, binary));
    expect_different(binary, binary + "x");
    expect_different("caf\xe9 = 1", "caf\xe9 =  2");
}

TEST(JsSource, DeepTemplateNestingDoesNotExhaustTheStack) {
    std::string deep;  // `${`${`${... far past any real template
    for (int i = 0; i < 100000; ++i) deep += "`${";
    EXPECT_TRUE(same_code_ignoring_layout(deep, deep));
    expect_different(deep + "a b", deep + "a  b");
}

TEST(JsSource, ShebangLineCounts) {
    expect_same("#!/usr/bin/env node\na();", "#!/usr/bin/env node\n\na();");
    expect_different("#!/usr/bin/env node\na();", "#!/usr/bin/env  node\na();");
}

const char* const migration = R"('use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: {
        allowNull: false,
        autoIncrement: true,
        primaryKey: true,
        type: Sequelize.INTEGER
      },
      email: { type: Sequelize.STRING, allowNull: false },
      createdAt: { allowNull: false, type: Sequelize.DATE },
    });
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.dropTable('Users');
  }
};
)";

// migration after prettier with 4-space indentation, plus comments.
const char* const reformatted = R"('use strict';
// Creates the Users table.

/** @type {import('sequelize-cli').Migration} */
module.exports = {
    async up(queryInterface, Sequelize) {
        await queryInterface.createTable('Users', {
            id: { allowNull: false, autoIncrement: true, primaryKey: true, type: Sequelize.INTEGER },
            email: {
                type: Sequelize.STRING, // the login
                allowNull: false
            },
            createdAt: { allowNull: false, type: Sequelize.DATE }, /* set by Sequelize */
        });
    },

    async down(queryInterface, Sequelize) {
        await queryInterface.dropTable('Users');
    }
};
)";

TEST(JsSource, ReformattedSequelizeMigrationIsTheSame) {
    expect_same(migration, reformatted);
}

TEST(JsSource, SequelizeMigrationWithAnotherColumnTypeIsDifferent) {
    std::string changed = reformatted;
    const std::string from = "type: Sequelize.STRING";
    changed.replace(changed.find(from), from.size(), "type: Sequelize.TEXT");
    expect_different(migration, changed);
}

}  // namespace
}  // namespace migmerge::core
