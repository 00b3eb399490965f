#pragma once
// Gregorian calendar arithmetic on day numbers (days since 1970-01-01),
// proleptic, so every year 0000-9999 that a timestamp can name works.
#include <cstdint>

namespace migmerge::core {

struct CivilDate {
    std::int64_t year;
    int month;  // 1-12
    int day;    // 1-31
};

bool is_leap_year(std::int64_t year);
int days_in_month(std::int64_t year, int month);
std::int64_t days_from_civil(std::int64_t year, int month, int day);
CivilDate civil_from_days(std::int64_t days);

}  // namespace migmerge::core
