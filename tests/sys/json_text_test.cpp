#include "migmerge/sys/json_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/expect_error.hpp"

namespace migmerge::sys {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string bad = "20240101000000-caf\xff.js";

TEST(JsonText, WritesValidJsonWhereDumpWouldThrow) {
    nlohmann::json document = {{"files", {bad, "ok.js"}}};
    EXPECT_THROW(document.dump(), nlohmann::json::type_error);
    std::string text = json_text(document);
    EXPECT_EQ(text, "{\"files\":[\"20240101000000-caf\xef\xbf\xbd.js\",\"ok.js\"]}");
    EXPECT_EQ(nlohmann::json::parse(text)["files"][1], "ok.js");
}

TEST(JsonText, IndentsAsDumpDoes) {
    nlohmann::json document = {{"a", 1}};
    EXPECT_EQ(json_text(document, 2), document.dump(2));
    EXPECT_EQ(json_text(document), document.dump());
}

TEST(JsonText, NamesEachStringThatIsNotUtf8Once) {
    nlohmann::json document = {{"findings", {{{"files", {bad}}, {"message", bad + " is odd"}}}},
                               {"name", bad},
                               {"k\xfe", "caf\xc3\xa9"}};
    EXPECT_THAT(non_utf8_strings(document), ElementsAre(bad, bad + " is odd", "k\xfe"));
    EXPECT_THAT(non_utf8_strings({{"name", "caf\xc3\xa9"}}), IsEmpty());
}

// nlohmann raises out_of_range, not parse_error, for "number overflow
// parsing '4e354'": it escaped as an unexpected exception, quoting the number.
TEST(ParseJson, ANumberTooLargeIsTheSameErrorWithoutTheNumber) {
    Error error = test::expect_error(
        [&] { parse_json(R"({"password": 4e354})", ExitCode::bad_input, "reading x"); },
        ExitCode::bad_input, "reading x: not JSON: a number too large");
    EXPECT_EQ(error.one_line().find("4e354"), std::string::npos) << error.one_line();
}

TEST(ParseJson, ReadsJson) {
    EXPECT_EQ(parse_json(R"({"a": [1, "x"]})", ExitCode::bad_input, "x")["a"][1], "x");
}

// The place (the last byte read: for a byte that is not UTF-8, the one
// after it) and the kind of problem, in our words; nlohmann's "last read:
// '<token>'" never: the token may be a password.
TEST(ParseJson, SaysWhereAndWhatButNeverQuotesTheText) {
    const std::pair<std::string, std::string> cases[] = {
        {"{\n  \"password\": \"s3cret\xe9\"}", "line 2, column 23: a byte that is not UTF-8"},
        {"{\"p\": \"s3cret\n\"}", "line 1, column 14: a control character inside a string"},
        {"{\"p\": \"s3cret", "line 1, column 13: a string without its closing quote"},
        {"{\"p\": s3cret}", "line 1, column 7: a word that is not true, false, null"},
        {"{\"p\": \"s3cret\\q\"}", "line 1, column 15: an unknown escape after a backslash"},
        {"{\"p\": -s3cret}", "line 1, column 8: a malformed number"},
        {"{\"p\": \"s3cret\"", "line 1, column 14: it ends before the value does"},
        {"{} \"s3cret\"", "line 1, column 11: more text after the value"},
        {"", "line 1, column 1: it ends before the value does"},
    };
    for (const auto& [text, cause] : cases) {
        SCOPED_TRACE(text);
        Error error = test::expect_error([&] { parse_json(text, ExitCode::resource, "reading x"); },
                                         ExitCode::resource, "reading x: not JSON at " + cause);
        EXPECT_EQ(error.one_line().find("s3cret"), std::string::npos) << error.one_line();
    }
}

}  // namespace
}  // namespace migmerge::sys
