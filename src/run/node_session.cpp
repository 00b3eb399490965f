#include "migmerge/run/node_session.hpp"

#include <nlohmann/json.hpp>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/json_text.hpp"
#include "migmerge/sys/text_file.hpp"
#include "node_process.hpp"

namespace migmerge::run {

// Generated from bridge.js at build time (cmake/embed.cmake).
extern const char* const bridge_script;

namespace {

using nlohmann::json;

db::Environment environment_of(const json& env) {
    db::Environment environment;
    if (!env.is_object()) return environment;
    for (const auto& [name, value] : env.items()) {
        if (value.is_string()) environment[name] = value.get<std::string>();
    }
    return environment;
}

db::EvaluatedModule parse_evaluation(const std::string& line, const std::string& file) {
    json reply = sys::parse_json(line, ExitCode::resource, "unreadable reply from node");
    if (!reply.value("ok", false)) {
        throw bad_input("cannot evaluate " + file, sys::first_line(reply.value("message", "")),
                        "run `node " + file + "` to see the whole error");
    }
    return {sys::json_text(reply["value"]), environment_of(reply["env"])};
}

}  // namespace

// A config that never settles must not hang a deploy: evaluation has a limit.
NodeSession::NodeSession(std::string node, std::string project_dir,
                         std::chrono::milliseconds evaluation_limit,
                         std::optional<db::Environment> environment)
    : node_(std::move(node)),
      project_dir_(std::move(project_dir)),
      evaluation_limit_(evaluation_limit),
      environment_(std::move(environment)) {}

NodeSession::~NodeSession() = default;

NodeProcess& NodeSession::process() {
    if (!process_) {
        process_ = std::make_unique<NodeProcess>(
            node_, std::vector<std::string>{"-e", bridge_script}, project_dir_, environment_);
    }
    return *process_;
}

int NodeSession::process_id() const {
    return process_ ? process_->pid() : -1;
}

std::string NodeSession::wait_for_exit() {
    return process_->wait_for_exit();
}

std::optional<std::string> NodeSession::request(const std::string& line,
                                                std::optional<std::chrono::milliseconds> limit,
                                                bool wake_on_signal) {
    NodeProcess& node = process();
    if (!node.send_line(line)) return std::nullopt;
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (limit) deadline = std::chrono::steady_clock::now() + *limit;
    std::optional<std::string> reply = node.read_line(deadline, wake_on_signal);
    if (!reply && node.timed_out()) {
        node.kill();
        throw resource_failure(
            "node did not answer within " + std::to_string(limit->count() / 1000) + " s",
            "evaluating the project's JavaScript never finished");
    }
    return reply;
}

bool NodeSession::interrupted() const {
    return process_ && process_->signalled();
}

std::optional<std::string> NodeSession::await_reply(std::chrono::milliseconds limit) {
    std::optional<std::string> reply =
        process().read_line(std::chrono::steady_clock::now() + limit);
    if (!reply && process_->timed_out()) process_->kill();
    return reply;
}

db::EvaluatedModule NodeSession::evaluate(db::JsModuleKind kind, const std::string& file) {
    const char* command = kind == db::JsModuleKind::sequelizerc ? "load-rc" : "load-config";
    // Errors of the request itself (node missing, the time limit) name the file.
    std::optional<std::string> reply;
    try {
        reply = request(sys::json_text(json{{"cmd", command}, {"file", file}}), evaluation_limit_);
    } catch (const Error& error) {
        std::string hint = error.hint().empty() ? "run `node " + file + "` to see what it waits for"
                                                : error.hint();
        throw resource_failure("cannot evaluate " + file, error.one_line(), hint);
    }
    if (!reply)
        throw resource_failure("cannot evaluate " + file, "node exited (" + wait_for_exit() + ")");
    return parse_evaluation(*reply, file);
}

db::JsEvaluator NodeSession::evaluator() {
    return [this](db::JsModuleKind kind, const std::string& file) { return evaluate(kind, file); };
}

}  // namespace migmerge::run
