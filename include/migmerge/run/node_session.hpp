#pragma once
// The one node process of a command, as sequelize-cli is one process: started
// on first use, in the project directory, it evaluates .sequelizerc and then
// the config (so .sequelizerc's side effects, dotenv or ts-node/register,
// reach the config and the migrations), and runs the migrations. A command
// whose project needs no JavaScript never starts it.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "migmerge/db/connection.hpp"

namespace migmerge::run {

class NodeProcess;

class NodeSession {
  public:
    // `evaluation_limit`: how long a .sequelizerc or config may take to settle.
    // `environment`: node's, nullopt for ours.
    NodeSession(std::string node, std::string project_dir,
                std::chrono::milliseconds evaluation_limit = std::chrono::seconds(60),
                std::optional<db::Environment> environment = std::nullopt);
    ~NodeSession();
    NodeSession(const NodeSession&) = delete;
    NodeSession& operator=(const NodeSession&) = delete;

    // For db::resolve_connection and db::read_sequelizerc: evaluates in this
    // process. Error(bad_input) when the module throws, Error(resource) when
    // node cannot run or the module does not settle within the time limit.
    db::JsEvaluator evaluator();
    db::EvaluatedModule evaluate(db::JsModuleKind kind, const std::string& file);

    // One command line, one reply line. nullopt when node died; Error(resource)
    // past `limit` (the process is then killed). With `wake_on_signal`, also
    // nullopt when SIGTERM or SIGINT arrived first (then interrupted() says so
    // and the reply is still to come: await_reply).
    std::optional<std::string> request(const std::string& line,
                                       std::optional<std::chrono::milliseconds> limit,
                                       bool wake_on_signal = false);
    bool interrupted() const;
    // The reply to the last request, waiting up to `limit`: nullopt when node
    // died or the limit passed (then node is killed).
    std::optional<std::string> await_reply(std::chrono::milliseconds limit);
    bool started() const { return process_ != nullptr; }
    // Starts node now, on this thread: a child dies with the thread that
    // forked it (PR_SET_PDEATHSIG), so work that runs node on a helper thread
    // starts it first on the thread that outlives it.
    void start() { process(); }
    int process_id() const;
    std::string wait_for_exit();  // after request() returned nullopt
    const std::string& project_dir() const { return project_dir_; }

  private:
    NodeProcess& process();

    std::string node_;
    std::string project_dir_;
    std::chrono::milliseconds evaluation_limit_;
    std::optional<db::Environment> environment_;
    std::unique_ptr<NodeProcess> process_;
};

}  // namespace migmerge::run
