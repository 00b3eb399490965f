#include "migmerge/sys/temporary_directory.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "migmerge/sys/local_port.hpp"
#include "migmerge/sys/unique_fd.hpp"
#include "support/temp_dir.hpp"

namespace migmerge::sys {
namespace {

TEST(TemporaryDirectory, IsAPrivateDirectoryUnderTmpdirThatRemoveTreeRemoves) {
    test::TempDir parent;
    TemporaryDirectory directory("migmerge-x", {{"TMPDIR", parent.path()}});
    const std::string made = directory.path();
    EXPECT_EQ(made.rfind(parent.path() + "/migmerge-x-", 0), 0u) << made;
    struct stat info {};
    ASSERT_EQ(stat(made.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);
    test::write_file(made + "/deep/file", "x");
    remove_tree(made);
    EXPECT_FALSE(test::file_exists(made));
    remove_tree(made);  // already gone: no throw
}

TEST(TemporaryDirectory, GoesWithItsOwnerWhateverIsInIt) {
    test::TempDir parent;
    std::string made;
    {
        TemporaryDirectory directory(parent.path() + "/migmerge-y-");
        made = directory.path();
        EXPECT_EQ(made.rfind(parent.path() + "/migmerge-y-", 0), 0u) << made;
        test::write_file(made + "/deep/file", "x");
    }
    EXPECT_FALSE(test::file_exists(made));
}

TEST(TemporaryDirectory, GiveToChangesTheOwner) {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to give files away";
    test::TempDir dir;
    RunAs user = *unprivileged_user();
    give_to(dir.path(), user);
    struct stat info {};
    ASSERT_EQ(stat(dir.path().c_str(), &info), 0);
    EXPECT_EQ(info.st_uid, user.uid);
    EXPECT_EQ(info.st_gid, user.gid);
}

TEST(LocalPort, IsOneWeCanListenOn) {
    int port = unused_local_port();
    ASSERT_GT(port, 0);
    ASSERT_LT(port, 65536);
    UniqueFd listener(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    EXPECT_EQ(bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
}

}  // namespace
}  // namespace migmerge::sys
