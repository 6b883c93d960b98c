# SPDX-License-Identifier: MIT
# Fails when a core module includes a core module it must not depend on. Layers keep the store usable
# by every feature without pulling features into it, and let a headless tool (the CLI, an MCP server)
# link what it needs. Run by ctest as tst_layering: cmake -DSOURCE_DIR=<repo> -P check_layers.cmake
cmake_minimum_required(VERSION 3.25)

# Each entry: a module, then the modules it may include besides itself. A module not listed here may
# include any core module (session/ is the composition root below the app).
set(allowed
    "common:"
    "model:common"
    "net:common"
    "store:common,model"
    "export:common,model,store"
    "letta:common,model,net"
    "sync:common,model,net,letta,store"
    "trajectories:common,model,net,store"
    "analytics:common,model,store,trajectories"
    "appserver:common,model,net,letta,store,sync"
    "mcp:common,model,store,trajectories"
    "demo:common,model"
    "fakellm:common")

file(GLOB modules RELATIVE "${SOURCE_DIR}/core" "${SOURCE_DIR}/core/*")
list(FILTER modules EXCLUDE REGEX "\\.")
set(violations "")
foreach(entry IN LISTS allowed)
    string(REPLACE ":" ";" parts "${entry}")
    list(GET parts 0 module)
    list(LENGTH parts count)
    set(permitted "${module}")
    if(count GREATER 1)
        list(GET parts 1 others)
        string(REPLACE "," ";" others "${others}")
        list(APPEND permitted ${others})
    endif()
    file(GLOB_RECURSE sources "${SOURCE_DIR}/core/${module}/*.h" "${SOURCE_DIR}/core/${module}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[a-z0-9_]+/")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE "^[^\"]*\"([a-z0-9_]+)/.*$" "\\1" target "${line}")
            if(target IN_LIST modules AND NOT target IN_LIST permitted)
                file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
                string(STRIP "${line}" line)
                list(JOIN permitted ", " permittedText)
                list(APPEND violations "${shown}: ${line} (core/${module} may include only ${permittedText})")
            endif()
        endforeach()
    endforeach()
endforeach()

if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Layering violations:\n  ${text}")
endif()
list(LENGTH allowed checked)
message(STATUS "core layering: ${checked} modules checked, no include crosses a layer")
