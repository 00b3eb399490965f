#include "migmerge/sys/json_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace migmerge::sys
