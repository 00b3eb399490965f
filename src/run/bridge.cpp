#include "migmerge/run/bridge.hpp"

#include "bridge_protocol.hpp"
#include "migmerge/core/error.hpp"
#include "migmerge/sys/secret_scrub.hpp"
#include "migmerge/sys/text_file.hpp"
#include "node_process.hpp"

namespace migmerge::run {

// Generated from bridge.js at build time (cmake/embed.cmake).
extern const char* const bridge_script;

namespace {

// The password never leaves in a message, whatever a driver chose to echo.
std::string scrubbed(std::string text, const db::ConnectionTarget& target) {
    return sys::scrub_secret(std::move(text), target.password);
}

Error start_failure(const protocol::Reply& reply, const std::string& project_dir,
                    const db::ConnectionTarget& target) {
    if (reply.kind == "sequelize-missing") {
        return resource_failure("cannot load sequelize from " + project_dir,
                                sys::first_line(reply.message),
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

Bridge::Bridge(const std::string& node, const std::string& project_dir,
               const db::ConnectionTarget& target)
    : process_(
          std::make_unique<NodeProcess>(node, std::vector<std::string>{"-e", bridge_script}, "")) {
    process_->send_line(protocol::init_command(project_dir, target));
    std::optional<std::string> line = process_->read_line();
    if (!line) {
        throw resource_failure("the node bridge exited during start-up", process_->wait_for_exit());
    }
    protocol::Reply reply = protocol::parse_reply(*line);
    if (!reply.ok) throw start_failure(reply, project_dir, target);
}

Bridge::~Bridge() = default;

StepOutcome Bridge::up(const LocalMigration& migration) {
    return step("up", migration);
}

StepOutcome Bridge::down(const LocalMigration& migration) {
    return step("down", migration);
}

int Bridge::process_id() const {
    return process_->pid();
}

StepOutcome Bridge::step(const std::string& direction, const LocalMigration& migration) {
    if (!alive_ || !process_->send_line(protocol::step_command(direction, migration))) {
        return {migration.name, false, 0, "the node bridge is no longer running"};
    }
    std::optional<std::string> line = process_->read_line();
    if (!line) {
        // A migration that calls process.exit() or crashes node lands here.
        alive_ = false;
        return {migration.name, false, 0,
                "node exited while running it (" + process_->wait_for_exit() + ")"};
    }
    protocol::Reply reply = protocol::parse_reply(*line);
    return {migration.name, reply.ok, reply.ms, reply.message};
}

}  // namespace migmerge::run
