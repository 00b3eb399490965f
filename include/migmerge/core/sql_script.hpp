#pragma once
// The statements a migration sent, as one reviewable SQL script: bind values
// written inline where Sequelize's $1, $2 stood, and the SequelizeMeta row
// migmerge writes after each `up`.
#include <optional>
#include <string>
#include <vector>

namespace migmerge::core {

// 'text' with quotes doubled; NULL for nullopt.
std::string sql_literal(const std::optional<std::string>& value);

// `sql` with each $N outside quotes and dollar-quoted bodies replaced by
// `bind[N-1]` as a literal ($N past the end stays as written).
std::string inline_bind(const std::string& sql,
                        const std::vector<std::optional<std::string>>& bind);

// The row migmerge writes after `name`'s up: INSERT INTO "schema"."table" ...
std::string meta_insert(const std::string& schema, const std::string& table,
                        const std::string& name);

// `text` ending in exactly one ';' (Sequelize sends some with, some without).
std::string terminated(std::string text);

}  // namespace migmerge::core
