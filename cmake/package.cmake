# The Debian package (`cpack -G DEB` in a build tree; scripts/package does it):
# migmerge_<version>_<arch>.deb with /usr/bin/migmerge and the gzipped man
# page. Depends is what dpkg-shlibdeps finds the binary linked against;
# Recommends is what migmerge uses without linking it: git (the hooks it
# installs are git hooks) and nodejs (JavaScript configs and running the
# migrations). Included from the top-level CMakeLists.txt after install().
set(CPACK_PACKAGE_NAME migmerge)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "migmerge maintainers")
set(CPACK_PACKAGE_CONTACT "migmerge maintainers <maintainers@users.noreply.b-seed-8873b6c0.example>")
# lintian: the synopsis stays under 80 characters.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "find and fix the Sequelize migration conflicts that branch merges cause")
set(CPACK_PACKAGE_DESCRIPTION
    "migmerge finds, at merge time, Sequelize migrations that share a timestamp or
sort before migrations the other branch already deployed, renames the files,
rewrites SequelizeMeta on every deployed PostgreSQL database so nothing runs
twice, and runs the migrations under a PostgreSQL lock.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, nodejs")

include(CPack)
