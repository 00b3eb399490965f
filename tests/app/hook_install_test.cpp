// install_hooks / uninstall_hooks on a plain directory: the rules about
// other people's hooks, without git in the way.
#include "migmerge/app/hook_install.hpp"

#include <sys/stat.h>

#include <gmock/gmock.h>

#include "migmerge/core/error.hpp"
#include "support/expect_error.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::app {
namespace {

using test::file_exists;
using test::read_file;
using test::TempDir;
using test::write_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<HookChange> all(const std::string& action) {
    std::vector<HookChange> changes;
    for (const auto& script : hook_scripts()) changes.push_back({script.name, action});
    return changes;
}

bool executable(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0 && (info.st_mode & S_IXUSR);
}

TEST(HookScripts, EachIsAShellScriptThatRunsItsCheckAfterItsChainedHook) {
    for (const auto& script : hook_scripts()) {
        EXPECT_EQ(script.body.rfind("#!/bin/sh\n", 0), 0u) << script.name;
        EXPECT_THAT(script.body, HasSubstr("migmerge hook run " + script.name));
        EXPECT_THAT(script.body, HasSubstr("$0.migmerge-chained"));
        EXPECT_THAT(script.body, HasSubstr("not on PATH"));
    }
}

TEST(InstallHooks, InstallsEveryHookOnceThenChangesNothing) {
    TempDir dir;
    std::string hooks = dir / "hooks";
    EXPECT_EQ(install_hooks(hooks, false), all("installed"));
    for (const auto& script : hook_scripts()) {
        EXPECT_EQ(read_file(hooks + "/" + script.name), script.body);
        EXPECT_TRUE(executable(hooks + "/" + script.name)) << script.name;
    }
    EXPECT_EQ(install_hooks(hooks, false), all("unchanged"));
}

TEST(InstallHooks, UpdatesAnOlderVersionOfItsOwnHook) {
    TempDir dir;
    write_file(dir / "pre-push", "#!/bin/sh\n# installed by `migmerge hook install`.\nold\n");
    std::vector<HookChange> changes = install_hooks(dir.path(), false);
    EXPECT_EQ(changes.back(), (HookChange{"pre-push", "updated"}));
    EXPECT_FALSE(file_exists(dir / "pre-push.migmerge-chained"));
}

TEST(InstallHooks, MovesAForeignHookAsideToChainIt) {
    TempDir dir;
    write_file(dir / "pre-commit", "#!/bin/sh\nnpm test\n");
    std::vector<HookChange> changes = install_hooks(dir.path(), false);
    EXPECT_EQ(changes[1], (HookChange{"pre-commit", "chained"}));
    EXPECT_EQ(read_file(dir / "pre-commit.migmerge-chained"), "#!/bin/sh\nnpm test\n");
    EXPECT_THAT(read_file(dir / "pre-commit"), HasSubstr("migmerge hook run pre-commit"));
}

TEST(InstallHooks, RefusesBeforeWritingWhenTheChainSlotIsTaken) {
    TempDir dir;
    write_file(dir / "post-merge", "theirs\n");
    write_file(dir / "post-merge.migmerge-chained", "older\n");
    Error error =
        test::expect_error([&] { install_hooks(dir.path(), false); }, ExitCode::bad_input);
    EXPECT_THAT(error.hint(), HasSubstr("--force"));
    EXPECT_FALSE(file_exists(dir / "pre-merge-commit"));
    EXPECT_EQ(read_file(dir / "post-merge"), "theirs\n");
    install_hooks(dir.path(), true);
    EXPECT_EQ(read_file(dir / "post-merge.migmerge-chained"), "theirs\n");
}

TEST(InstallHooks, AFilesystemFailureIsAResourceError) {
    TempDir dir;
    write_file(dir / "hooks", "a file, not a directory\n");
    test::expect_error([&] { install_hooks(dir / "hooks", false); }, ExitCode::resource,
                       "cannot install the hooks in");
}

TEST(UninstallHooks, RemovesItsOwnAndRestoresChainedOnes) {
    TempDir dir;
    write_file(dir / "pre-push", "theirs\n");
    install_hooks(dir.path(), false);
    EXPECT_THAT(
        uninstall_hooks(dir.path()),
        ElementsAre(HookChange{"pre-merge-commit", "removed"}, HookChange{"pre-commit", "removed"},
                    HookChange{"post-merge", "removed"}, HookChange{"pre-push", "restored"}));
    EXPECT_EQ(read_file(dir / "pre-push"), "theirs\n");
    EXPECT_FALSE(file_exists(dir / "pre-commit"));
    EXPECT_TRUE(uninstall_hooks(dir.path()).empty());
    EXPECT_EQ(read_file(dir / "pre-push"), "theirs\n");
}

}  // namespace
}  // namespace migmerge::app
