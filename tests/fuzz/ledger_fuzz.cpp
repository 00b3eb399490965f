// The rename ledger (core/ledger). Properties: a ledger either parses or is
// one Error(bad_input); a parsed ledger formats to text that parses to the
// same entries; merging it with itself changes nothing; the first entry
// renaming a name is recorded (a later one for the same name is not: repair
// has renamed it already); chains end.
#include <set>

#include "fuzz_support.hpp"
#include "migmerge/core/ledger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace migmerge;
    const std::string text(reinterpret_cast<const char*>(data), size);
    core::Ledger ledger;
    if (!fuzz::accepts([&] { ledger = core::Ledger::parse(text, "fuzz"); })) return 0;
    const std::string formatted = core::Ledger::format(ledger.entries());
    core::Ledger again;
    fuzz::require(fuzz::accepts([&] { again = core::Ledger::parse(formatted, "fuzz"); }),
                  "a formatted ledger parses", formatted);
    fuzz::require(again == ledger, "a ledger round-trips through format and parse", formatted);
    fuzz::require(core::Ledger::merge({ledger, again}) == ledger, "merging a ledger with itself");
    std::set<std::string> renamed;
    for (const core::LedgerEntry& entry : ledger.entries()) {
        if (renamed.insert(entry.from).second)
            fuzz::require(ledger.records(entry.from, entry.to),
                          "the first entry renaming a name is recorded", entry.from);
        fuzz::require(ledger.final_name(entry.from).has_value(), "a renamed name has a final name",
                      entry.from);
        ledger.earlier_names(entry.to);
    }
    return 0;
}
