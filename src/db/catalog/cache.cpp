#include "cache.hpp"

namespace migmerge::db::detail {

CatalogCache::Changes CatalogCache::changes_to(const Fingerprints& now) const {
    Changes changes;
    changes.everything = !filled_ || now.global != fingerprints_.global;
    changes.tables = changes.everything;
    if (changes.everything) return changes;
    for (const auto& [relation, fingerprint] : now.relations) {
        auto cached = fingerprints_.relations.find(relation);
        if (cached == fingerprints_.relations.end() || cached->second != fingerprint) {
            changes.relations.push_back(relation);
            changes.tables = changes.tables || now.tables.count(relation) > 0;
        }
    }
    for (const auto& [relation, fingerprint] : fingerprints_.relations) {
        if (now.relations.count(relation) > 0) continue;
        changes.vanished.push_back(relation);
        changes.tables = changes.tables || fingerprints_.tables.count(relation) > 0;
    }
    return changes;
}

void CatalogCache::update(const Changes& changes, const std::set<Oid>& owners,
                          const std::vector<PrintedRow>& rows, Fingerprints now) {
    if (changes.everything) {
        snapshot_ = {};
        keys_by_owner_.clear();
    }
    for (Oid owner : owners) forget(owner);
    for (Oid owner : changes.vanished) forget(owner);
    for (const PrintedRow& row : rows) add(row);
    fingerprints_ = std::move(now);
    filled_ = true;
}

void CatalogCache::forget(Oid owner) {
    auto keys = keys_by_owner_.find(owner);
    if (keys == keys_by_owner_.end()) return;
    for (const std::string& key : keys->second) snapshot_.objects.erase(key);
    keys_by_owner_.erase(keys);
}

void CatalogCache::add(const PrintedRow& row) {
    core::SchemaObject object{row.kind, row.name, {}};
    auto [entry, added] = snapshot_.objects.try_emplace(object.key(), object);
    // An object's second attribute finds it already there.
    if (added) keys_by_owner_[row.owner].push_back(entry->first);
    if (row.has_key) entry->second.attributes[row.key] = row.value;
}

}  // namespace migmerge::db::detail
