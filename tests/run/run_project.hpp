#pragma once
// A SequelizeProject as the runner sees it: the RunContext that points at it.
#include "migmerge/run/runner.hpp"
#include "support/sequelize_project.hpp"

namespace migmerge::test {

class RunProject : public SequelizeProject {
  public:
    using SequelizeProject::SequelizeProject;
    run::RunContext context() const;
};

}  // namespace migmerge::test
