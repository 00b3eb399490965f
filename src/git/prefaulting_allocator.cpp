// Why: reading a tree from a pack applies its delta chain, each step into a
// fresh buffer the size of the tree, and libgit2 keeps those buffers as its
// delta base cache. First touches of fresh memory then dominate `check`. On
// the benchmark VM (docs/benchmarks.md) a page fault costs ~12 us: reading the
// three migrations trees took 17 ms at 1,000 files (1,350 faults) and 165 ms
// at 10,000; with the pages populated by one madvise per block, 8.5 and 65 ms.
// MADV_POPULATE_WRITE maps what a write would map and leaves contents alone;
// kernels before 5.14 reject it (EINVAL) and nothing changes.
#include "prefaulting_allocator.hpp"

#include <git2.h>
#include <git2/sys/alloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace migmerge::git {
namespace {

constexpr std::size_t page_bytes = 4096;
constexpr std::size_t large_block = 4 * page_bytes;  // smaller blocks mostly reuse freed memory

// What libgit2's own allocator does: glibc, and an out-of-memory error set
// for the caller to report.
void* checked(void* block) {
    if (block == nullptr) git_error_set_oom();
    return block;
}

void* populated(void* block, std::size_t size) {
    if (block == nullptr || size < large_block) return checked(block);
    const auto start =
        (reinterpret_cast<std::uintptr_t>(block) + page_bytes - 1) & ~(page_bytes - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(block) + size) & ~(page_bytes - 1);
    if (end > start) ::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
    return block;
}

void* allocate(std::size_t size, const char*, int) {
    return populated(std::malloc(size), size);
}

void* allocate_zeroed(std::size_t count, std::size_t size, const char*, int) {
    return populated(std::calloc(count, size), count * size);  // calloc checks the product
}

void* reallocate(void* block, std::size_t size, const char*, int) {
    return populated(std::realloc(block, size), size);
}

void* reallocate_array(void* block, std::size_t count, std::size_t size, const char* file,
                       int line) {
    std::size_t total = 0;
    if (__builtin_mul_overflow(count, size, &total)) return checked(nullptr);
    return reallocate(block, total, file, line);
}

void* allocate_array(std::size_t count, std::size_t size, const char* file, int line) {
    return reallocate_array(nullptr, count, size, file, line);
}

char* duplicate(const char* text, const char*, int) {
    return static_cast<char*>(checked(::strdup(text)));
}

char* duplicate_at_most(const char* text, std::size_t length, const char*, int) {
    return static_cast<char*>(checked(::strndup(text, length)));
}

// Exactly `length` bytes, then a terminator, as libgit2 defines it.
char* duplicate_exactly(const char* text, std::size_t length, const char* file, int line) {
    auto* copy = static_cast<char*>(allocate_array(length + 1, 1, file, line));
    if (copy == nullptr) return nullptr;
    std::memcpy(copy, text, length);
    copy[length] = '\0';
    return copy;
}

void release(void* block) {
    std::free(block);
}

}  // namespace

git_allocator prefaulting_allocator() {
    git_allocator allocator{};
    allocator.gmalloc = allocate;
    allocator.gcalloc = allocate_zeroed;
    allocator.gstrdup = duplicate;
    allocator.gstrndup = duplicate_at_most;
    allocator.gsubstrdup = duplicate_exactly;
    allocator.grealloc = reallocate;
    allocator.greallocarray = reallocate_array;
    allocator.gmallocarray = allocate_array;
    allocator.gfree = release;
    return allocator;
}

void install_prefaulting_allocator() {
    git_allocator allocator = prefaulting_allocator();
    git_libgit2_opts(GIT_OPT_SET_ALLOCATOR, &allocator);
}

}  // namespace migmerge::git
