#include "civil_calendar.hpp"

namespace migmerge::core {
namespace {

// The calendar repeats every 400 years (146097 days). Counting years from
// March makes the leap day the last day of the year, so month lengths follow
// the fixed pattern that 153-day blocks (5 months) describe.
constexpr std::int64_t days_per_era = 146097;
constexpr std::int64_t days_from_0000_03_01_to_1970_01_01 = 719468;

std::int64_t era_of(std::int64_t year) {
    return (year >= 0 ? year : year - 399) / 400;
}

int march_based_month(int month) {
    return month > 2 ? month - 3 : month + 9;
}

}  // namespace

bool is_leap_year(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return lengths[month - 1];
}

std::int64_t days_from_civil(std::int64_t year, int month, int day) {
    if (month <= 2) --year;  // January and February belong to the previous March-year
    std::int64_t era = era_of(year);
    std::int64_t year_of_era = year - era * 400;
    std::int64_t day_of_year = (153 * march_based_month(month) + 2) / 5 + day - 1;
    std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * days_per_era + day_of_era - days_from_0000_03_01_to_1970_01_01;
}

CivilDate civil_from_days(std::int64_t days) {
    days += days_from_0000_03_01_to_1970_01_01;
    std::int64_t era = (days >= 0 ? days : days - days_per_era + 1) / days_per_era;
    std::int64_t day_of_era = days - era * days_per_era;
    std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    std::int64_t month_index = (5 * day_of_year + 2) / 153;  // 0 = March
    int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    return CivilDate{year, month, day};
}

}  // namespace migmerge::core
