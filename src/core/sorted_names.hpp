#pragma once
// A list of names in byte order, searchable: the caller's own vector when it
// is sorted already (no copy of 100,000 names), else a sorted copy. Shared
// by the repair planner and the ledger check, inside core.
#include <algorithm>
#include <string>
#include <vector>

namespace migmerge::core::detail {

class SortedNames {
  public:
    explicit SortedNames(const std::vector<std::string>& names) : names_(&names) {
        if (std::is_sorted(names.begin(), names.end())) return;
        copy_ = names;
        std::sort(copy_.begin(), copy_.end());
        names_ = &copy_;
    }
    SortedNames(const SortedNames&) = delete;
    SortedNames& operator=(const SortedNames&) = delete;

    bool contains(const std::string& name) const {
        return std::binary_search(names_->begin(), names_->end(), name);
    }
    const std::vector<std::string>& names() const { return *names_; }

  private:
    const std::vector<std::string>* names_;
    std::vector<std::string> copy_;
};

}  // namespace migmerge::core::detail
