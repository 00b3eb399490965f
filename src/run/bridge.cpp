#include "migmerge/run/bridge.hpp"

#include "bridge_protocol.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/run/node_session.hpp"
#include "migmerge/sys/secret_scrub.hpp"
#include "migmerge/sys/text_file.hpp"

namespace migmerge::run {
namespace {

// The password never leaves in a message, whatever a driver or a migration
// chose to echo.
std::string scrubbed(std::string text, const db::ConnectionTarget& target) {
    return sys::scrub_secret(std::move(text), target.password);
}

Error start_failure(const protocol::Reply& reply, const std::string& project_dir,
                    const db::ConnectionTarget& target) {
    if (reply.kind == "sequelize-missing") {
        return resource_failure("cannot load sequelize from " + project_dir,
                                scrubbed(sys::first_line(reply.message), target),
                                "run `npm install sequelize pg` in the project");
    }
    if (reply.kind == "connect-failed") {
        return resource_failure("cannot connect to " + target.display(),
                                scrubbed(reply.message, target));
    }
    return resource_failure("the node bridge failed to start", scrubbed(reply.message, target));
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const StepOutcome& outcome) {
    out << outcome.name << (outcome.ok ? " ok in " : " failed after ") << outcome.ms << " ms";
    return outcome.error.empty() ? out : out << ": " << outcome.error;
}

Bridge::Bridge(NodeSession& session, const db::ConnectionTarget& target,
               const std::string& application_name)
    : session_(session), target_(target) {
    std::optional<std::string> line =
        session_.request(protocol::init_command(target, application_name), std::nullopt);
    if (!line) {
        throw resource_failure("the node bridge exited during start-up", session_.wait_for_exit());
    }
    protocol::Reply reply = protocol::parse_reply(*line);
    if (!reply.ok) throw start_failure(reply, session_.project_dir(), target);
}

// A bridge closes what it opened: after `migrate` on a scratch database,
// verify copies that database, which needs no connection left to it.
Bridge::~Bridge() {
    try {
        close();
    } catch (const Error&) {
        // node is gone or stuck: the command is ending, and node with it.
    }
}

StepOutcome Bridge::up(const LocalMigration& migration) {
    return step(protocol::step_command("up", migration), migration);
}

StepOutcome Bridge::up_in_transaction(const LocalMigration& migration,
                                      const db::RecordStatement& record) {
    return step(protocol::transactional_step_command(migration, record), migration);
}

StepOutcome Bridge::up_capturing(const LocalMigration& migration) {
    return step(protocol::capturing_step_command(migration), migration);
}

StepOutcome Bridge::down(const LocalMigration& migration) {
    return step(protocol::step_command("down", migration), migration);
}

void Bridge::close() {
    if (!alive_) return;
    alive_ = false;
    std::optional<std::string> line =
        session_.request(R"({"cmd":"close"})", std::chrono::seconds(5));
    if (!line)
        throw resource_failure("the node bridge exited while closing", session_.wait_for_exit());
    protocol::Reply reply = protocol::parse_reply(*line);
    if (!reply.ok)
        throw resource_failure("cannot close the database connections",
                               scrubbed(reply.message, target_));
}

int Bridge::process_id() const {
    return session_.process_id();
}

StepOutcome Bridge::step(const std::string& command, const LocalMigration& migration) {
    std::optional<std::string> line;
    if (alive_) {
        line = session_.request(command, std::nullopt, /*wake_on_signal=*/true);
        if (!line && session_.interrupted()) return {migration.name, false, 0, {}, true};
    }
    return outcome_of(line, migration);
}

StepOutcome Bridge::finish(const LocalMigration& migration, std::chrono::milliseconds grace) {
    std::optional<std::string> line = session_.await_reply(grace);
    if (!line && alive_) {
        alive_ = false;
        return {migration.name, false, 0,
                "stopped before it finished (node: " + session_.wait_for_exit() + ")"};
    }
    return outcome_of(line, migration);
}

StepOutcome Bridge::outcome_of(const std::optional<std::string>& line,
                               const LocalMigration& migration) {
    if (!line) {
        // A migration that calls process.exit() or crashes node lands here.
        std::string how = alive_ ? "node exited while running it (" + session_.wait_for_exit() + ")"
                                 : "the node bridge is no longer running";
        alive_ = false;
        return {migration.name, false, 0, how};
    }
    protocol::Reply reply = protocol::parse_reply(*line);
    return {migration.name,
            reply.ok,
            reply.ms,
            scrubbed(reply.message, target_),
            false,
            reply.recorded,
            std::move(reply.statements)};
}

}  // namespace migmerge::run
