// libgit2's allocator: glibc's blocks, the pages of large ones mapped at once,
// and libgit2 itself still reading packed trees through it.
#include "prefaulting_allocator.hpp"

#include <git2.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "migmerge/git/repository.hpp"
#include "support/git_fixture.hpp"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace migmerge::test {
namespace {

constexpr std::size_t large_threshold = 16 * 1024;  // the allocator's threshold
const git_allocator allocator = git::prefaulting_allocator();

void* allocate(std::size_t size) {
    return allocator.gmalloc(size, __FILE__, __LINE__);
}

void fill(void* block, std::size_t size, std::uint8_t seed) {
    auto* bytes = static_cast<std::uint8_t*>(block);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(seed + i * 7);
}

// The first byte in [0, size) that differs from fill(seed), or size.
std::size_t first_difference(const void* block, std::size_t size, std::uint8_t seed) {
    const auto* bytes = static_cast<const std::uint8_t*>(block);
    for (std::size_t i = 0; i < size; ++i) {
        if (bytes[i] != static_cast<std::uint8_t>(seed + i * 7)) return i;
    }
    return size;
}

bool all_zero(const void* block, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(block);
    for (std::size_t i = 0; i < size; ++i) {
        if (bytes[i] != 0) return false;
    }
    return true;
}

// Kernels before 5.14 reject MADV_POPULATE_WRITE; the allocator then does nothing more.
bool kernel_populates() {
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    void* probe = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (probe == MAP_FAILED) return false;
    bool populated = madvise(probe, page, MADV_POPULATE_WRITE) == 0;
    munmap(probe, page);
    return populated;
}

// How many of the whole pages inside [block, block + size) are mapped in.
std::size_t resident_pages(const void* block, std::size_t size, std::size_t* whole_pages) {
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto start = (reinterpret_cast<std::uintptr_t>(block) + page - 1) & ~(page - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(block) + size) & ~(page - 1);
    *whole_pages = end > start ? (end - start) / page : 0;
    std::vector<unsigned char> map(*whole_pages);
    if (*whole_pages == 0 || mincore(reinterpret_cast<void*>(start), end - start, map.data()) != 0)
        return 0;
    std::size_t resident = 0;
    for (unsigned char flags : map) resident += flags & 1;
    return resident;
}

// Installed and libgit2 started as LibraryUse does; the out-of-memory test
// reads libgit2's per-thread error state, which needs the library started.
class PrefaultingAllocator : public ::testing::Test {
  protected:
    void SetUp() override {
        git::install_prefaulting_allocator();
        ASSERT_GT(git_libgit2_init(), 0);
    }
    void TearDown() override { git_libgit2_shutdown(); }
};

TEST_F(PrefaultingAllocator, SmallBlocksAreOrdinaryMemory) {
    for (std::size_t size : {std::size_t{1}, std::size_t{100}, large_threshold - 1}) {
        void* block = allocate(size);
        ASSERT_NE(block, nullptr) << size;
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(block) % alignof(std::max_align_t), 0u);
        fill(block, size, 3);
        EXPECT_EQ(first_difference(block, size, 3), size);
        allocator.gfree(block);
    }
}

TEST_F(PrefaultingAllocator, LargeBlocksComeWithTheirPagesMapped) {
    for (std::size_t size : {large_threshold, std::size_t{1} << 20, (std::size_t{8} << 20) + 123}) {
        void* block = allocate(size);
        ASSERT_NE(block, nullptr) << size;
        if (kernel_populates()) {
            std::size_t pages = 0;
            EXPECT_EQ(resident_pages(block, size, &pages), pages) << size;
            EXPECT_GE(pages, size / 4096 - 1);
        }
        fill(block, size, 11);
        EXPECT_EQ(first_difference(block, size, 11), size);
        allocator.gfree(block);
    }
}

TEST_F(PrefaultingAllocator, ReallocAcrossTheThresholdKeepsTheContent) {
    void* block = allocate(1000);
    ASSERT_NE(block, nullptr);
    fill(block, 1000, 5);
    block = allocator.grealloc(block, 64 * 1024, __FILE__, __LINE__);  // small -> large
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(first_difference(block, 1000, 5), 1000u);
    fill(block, 64 * 1024, 9);
    block = allocator.grealloc(block, 4 << 20, __FILE__, __LINE__);  // large -> larger
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(first_difference(block, 64 * 1024, 9), 64u * 1024);
    block = allocator.grealloc(block, 200, __FILE__, __LINE__);  // back under the threshold
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(first_difference(block, 200, 9), 200u);
    allocator.gfree(block);
}

TEST_F(PrefaultingAllocator, ReallocOfNullAllocatesAndArraysMultiply) {
    void* block = allocator.grealloc(nullptr, large_threshold * 2, __FILE__, __LINE__);
    ASSERT_NE(block, nullptr);
    fill(block, large_threshold * 2, 1);
    block = allocator.greallocarray(block, 1024, 64, __FILE__, __LINE__);
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(first_difference(block, large_threshold * 2, 1), large_threshold * 2);
    fill(block, 1024 * 64, 2);
    allocator.gfree(block);
    void* array = allocator.gmallocarray(3, large_threshold, __FILE__, __LINE__);
    ASSERT_NE(array, nullptr);
    fill(array, 3 * large_threshold, 4);
    EXPECT_EQ(first_difference(array, 3 * large_threshold, 4), 3 * large_threshold);
    allocator.gfree(array);
}

TEST_F(PrefaultingAllocator, CallocZeroesSmallAndLargeBlocks) {
    // Dirty some memory first, so zeroes are not just fresh pages by luck.
    for (std::size_t size : {std::size_t{48}, std::size_t{256 * 1024 + 8}}) {
        void* dirty = allocate(size);
        ASSERT_NE(dirty, nullptr);
        std::memset(dirty, 0xa5, size);
        allocator.gfree(dirty);
        void* zeroed = allocator.gcalloc(size / 8, 8, __FILE__, __LINE__);
        ASSERT_NE(zeroed, nullptr) << size;
        EXPECT_TRUE(all_zero(zeroed, size)) << size;
        allocator.gfree(zeroed);
    }
}

TEST_F(PrefaultingAllocator, OverflowingSizesFailWithLibgit2sOutOfMemoryError) {
    const std::size_t huge = SIZE_MAX / 2 + 1;
    git_error_clear();
    EXPECT_EQ(allocator.gmallocarray(huge, 2, __FILE__, __LINE__), nullptr);
    ASSERT_NE(git_error_last(), nullptr);
    EXPECT_EQ(git_error_last()->klass, GIT_ERROR_NOMEMORY);
    git_error_clear();
    void* block = allocate(10);
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(allocator.greallocarray(block, huge, 4, __FILE__, __LINE__), nullptr);
    EXPECT_EQ(git_error_last()->klass, GIT_ERROR_NOMEMORY);
    allocator.gfree(block);  // a failed realloc leaves the block alone
    git_error_clear();
    EXPECT_EQ(allocator.gcalloc(huge, 4, __FILE__, __LINE__), nullptr);
    EXPECT_EQ(git_error_last()->klass, GIT_ERROR_NOMEMORY);
}

TEST_F(PrefaultingAllocator, DuplicatesStrings) {
    char* copy = allocator.gstrdup("create-users", __FILE__, __LINE__);
    EXPECT_STREQ(copy, "create-users");
    allocator.gfree(copy);
    char* prefix = allocator.gstrndup("create-users", 6, __FILE__, __LINE__);
    EXPECT_STREQ(prefix, "create");
    allocator.gfree(prefix);
    char* whole = allocator.gstrndup("ab", 10, __FILE__, __LINE__);  // at most: stops at the NUL
    EXPECT_STREQ(whole, "ab");
    allocator.gfree(whole);
    const char bytes[] = {'a', '\0', 'b', 'c'};
    char* exact = allocator.gsubstrdup(bytes, 3, __FILE__, __LINE__);  // exactly, NULs included
    ASSERT_NE(exact, nullptr);
    EXPECT_EQ(std::string(exact, 4), std::string("a\0b\0", 4));
    allocator.gfree(exact);
}

// A packed repository whose migrations trees (~60 KB) are deltas of each
// other: reading them fills tree-sized buffers, the blocks the allocator is for.
class PrefaultingAllocatorWithGit : public GitTest {};

TEST_F(PrefaultingAllocatorWithGit, Libgit2ReadsPackedTreesThroughIt) {
    GitRepo repo;
    for (int i = 0; i < 1000; ++i) {
        repo.write("migrations/" + std::to_string(20240101000000LL + i) + "-step.js", "x");
    }
    repo.commit("a thousand migrations");
    repo.write("migrations/20250101000000-last.js", "y");
    repo.commit("one more");
    repo.git({"gc", "-q", "--aggressive"});

    git::install_prefaulting_allocator();
    ASSERT_GT(git_libgit2_init(), 0);
    git_repository* handle = nullptr;
    ASSERT_EQ(git_repository_open(&handle, repo.path().c_str()), 0);
    for (auto [spec, entries] :
         {std::pair{"HEAD:migrations", 1001u}, {"HEAD~1:migrations", 1000u}}) {
        git_object* tree = nullptr;
        ASSERT_EQ(git_revparse_single(&tree, handle, spec), 0) << spec;
        ASSERT_EQ(git_object_type(tree), GIT_OBJECT_TREE);
        auto* as_tree = reinterpret_cast<git_tree*>(tree);
        EXPECT_EQ(git_tree_entrycount(as_tree), entries) << spec;
        EXPECT_STREQ(git_tree_entry_name(git_tree_entry_byindex(as_tree, 0)),
                     "20240101000000-step.js");
        git_object_free(tree);
    }
    git_repository_free(handle);
    git_libgit2_shutdown();

    // And migmerge's own reader, which installs the allocator itself.
    git::Repository found = git::Repository::discover(repo.path());
    core::MigrationSet set = found.read_commit("HEAD", "migrations");
    EXPECT_EQ(set.files.size(), 1001u);
    EXPECT_EQ(set.files.count("20250101000000-last.js"), 1u);
}

}  // namespace
}  // namespace migmerge::test
