#include "run_project.hpp"

namespace migmerge::test {

run::RunContext RunProject::context() const {
    run::RunContext context;
    context.target = database().target();
    context.project_dir = dir();
    context.migrations_dir = migrations_dir();
    context.node = std::make_shared<run::NodeSession>("node", dir());
    context.lock_timeout = std::chrono::seconds(30);
    context.version = "test";
    return context;
}

}  // namespace migmerge::test
