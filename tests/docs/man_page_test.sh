#!/usr/bin/env bash
# The man page keeps up with the binary: every command that `migmerge --help`
# lists (and their subcommands, e.g. `hook install`) must appear in the man
# page as "migmerge <command>", and every long option of every command's
# --help must be mentioned in it. Exits 1 naming what is missing.
#
# Usage: man_page_test.sh MIGMERGE_BINARY MAN_PAGE
set -euo pipefail

if (($# != 2)); then
    echo "usage: $0 MIGMERGE_BINARY MAN_PAGE" >&2
    exit 2
fi
binary=$1
man_page=$2
[[ -x $binary ]] || { echo "man_page_test: not an executable: $binary" >&2; exit 2; }
[[ -r $man_page ]] || { echo "man_page_test: cannot read: $man_page" >&2; exit 2; }

# The page as plain words: drop comment lines and leading macros, turn roff's
# \- into -, drop font escapes, and put everything on one line.
text=$(sed -e '/^\.\\"/d' -e 's/^\.[A-Za-z]*[[:space:]]*//' "$man_page" |
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' -e 's/\\&//g' |
    tr -s '[:space:]' ' ')

# Names listed under "Subcommands:" in a help text (CLI11's layout).
subcommands() {
    awk '/^Subcommands:/ { in_list = 1; next }
         /^[^ ]/ { in_list = 0 }
         in_list && /^  [a-z]/ { print $1 }'
}

# Long options listed under "Options:" in a help text. Option lines start
# with two spaces and a dash; wrapped descriptions are indented further.
long_options() {
    awk '/^Options:/ { in_list = 1; next }
         /^[^ ]/ { in_list = 0 }
         in_list && /^  -/ { print }' |
        grep -oE -- '--[A-Za-z0-9][A-Za-z0-9-]*' || true
}

mentions() {  # WORDS: the page has them as whole words
    grep -qE -- "(^|[^A-Za-z0-9-])$1([^A-Za-z0-9-]|\$)" <<<"$text"
}

missing=()
checked=0

# visit COMMAND...: check the command's options, then its subcommands.
visit() {
    local help name option
    help=$("$binary" "$@" --help) || { echo "man_page_test: $binary $* --help failed" >&2; exit 2; }
    while read -r option; do
        [[ -n $option ]] || continue
        checked=$((checked + 1))
        mentions "$option" || missing+=("option ${*:+$* }$option")
    done < <(long_options <<<"$help" | sort -u)
    while read -r name; do
        [[ -n $name ]] || continue
        checked=$((checked + 1))
        mentions "migmerge ${*:+$* }$name" || missing+=("command migmerge ${*:+$* }$name")
        visit "$@" "$name"
    done < <(subcommands <<<"$help")
}

visit

if ((checked == 0)); then
    echo "man_page_test: found no commands or options in $binary --help" >&2
    exit 1
fi
if ((${#missing[@]})); then
    echo "man_page_test: $man_page does not mention:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "man_page_test: $man_page mentions all $checked commands and options of $binary"
