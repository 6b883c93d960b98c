# SPDX-License-Identifier: MIT
# One INTERFACE target carries every compile rule of the project; core links it PUBLIC so
# ui, app and tests inherit it without repeating flags.
add_library(dashboard_options INTERFACE)
target_compile_features(dashboard_options INTERFACE cxx_std_20)
target_compile_options(dashboard_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough -Wno-missing-field-initializers
    # GCC 12 reports std::variant/std::optional members as "maybe uninitialized" at -O2 when they are
    # not (GCC bugs 80635, 105562); Result<T> is a variant, so the warning would be noise everywhere.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
if(LETTASCOPE_WERROR)
    target_compile_options(dashboard_options INTERFACE -Werror)
endif()
target_compile_definitions(dashboard_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    # Qt 6.4 spells the deprecation cut-off with the older macro.
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
