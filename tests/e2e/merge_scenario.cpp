#include "merge_scenario.hpp"

#include <sstream>

namespace migmerge::test {

void build_diverged_branches(GitRepo& repo, const std::string& checked_out) {
    repo.add_migration("20251222115645-initial-schema.js");
    repo.add_migration("20260108120000-add-sites-tables.js");
    repo.commit("DevOpser Lite schema");
    repo.branch("production");
    repo.branch("staging");
    repo.checkout("production");
    repo.add_migration(billing);
    repo.commit("production: billing");
    repo.checkout("staging");
    repo.add_migration(analytics);
    repo.add_migration(audit);
    repo.commit("staging: analytics and audit log");
    repo.checkout(checked_out);
}

nlohmann::json parse_json(const ProcessResult& result) {
    try {
        return nlohmann::json::parse(result.out);
    } catch (const nlohmann::json::exception& error) {
        ADD_FAILURE() << "not JSON: " << error.what() << "\n" << result;
        return nlohmann::json::object();
    }
}

std::vector<std::string> finding_codes(const nlohmann::json& document) {
    std::vector<std::string> codes;
    for (const auto& finding : document.value("findings", nlohmann::json::array())) {
        codes.push_back(finding.at("code").get<std::string>());
    }
    return codes;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace migmerge::test
