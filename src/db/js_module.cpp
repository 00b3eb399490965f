// evaluate_js_module: a config.js or .sequelizerc as JSON, the way
// sequelize-cli loads it (require, or import() for ESM; a promise or a
// function returning one is awaited).
#include <chrono>

#include "migmerge/core/error.hpp"
#include "migmerge/sys/child_process.hpp"
#include "migmerge/sys/text_file.hpp"
#include "node_eval.hpp"

namespace migmerge::db::detail {
namespace {

constexpr const char* kLoaderScript = R"JS(
const file = process.argv[1];
async function load() {
  let value;
  try {
    value = require(file);
  } catch (error) {
    if (error.code !== 'ERR_REQUIRE_ESM') throw error;
    value = (await import(require('url').pathToFileURL(file).href)).default;
  }
  if (value && value.__esModule && 'default' in value) value = value.default;
  value = await value;
  if (typeof value === 'function') value = await value();
  return value === undefined ? null : value;
}
load().then(
  (value) => process.stdout.write(JSON.stringify(value)),
  (error) => { process.stderr.write(String(error && error.message || error)); process.exit(1); });
)JS";

// A config that never settles must not hang a deploy.
constexpr std::chrono::seconds evaluation_limit{60};

}  // namespace

std::string evaluate_js_module(const std::string& node, const std::string& file,
                               const std::string& cwd, const Environment& environment) {
    sys::CapturedRun run =
        sys::run_captured({{node, "-e", kLoaderScript, file}, cwd, environment, {}},
                          evaluation_limit, "install Node.js or put node on PATH");
    if (run.timed_out) {
        throw resource_failure(
            "cannot evaluate " + file,
            "it did not finish within " + std::to_string(evaluation_limit.count()) + " s",
            "run `node " + file + "` to see what it waits for");
    }
    if (run.exit_code != 0) {
        throw bad_input("cannot evaluate " + file, sys::first_line(run.err),
                        "run `node " + file + "` to see the whole error");
    }
    return run.out;
}

}  // namespace migmerge::db::detail
