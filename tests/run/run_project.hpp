#pragma once
// A SequelizeProject as the runner sees it: the RunContext that points at it.
#include "migmerge/run/migrate.hpp"
#include "migmerge/run/repair.hpp"
#include "migmerge/run/run_context.hpp"
#include "migmerge/run/status.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {

class RunProject : public SequelizeProject {
  public:
    using SequelizeProject::SequelizeProject;
    run::RunContext context() const;
};

}  // namespace migmerge::test
