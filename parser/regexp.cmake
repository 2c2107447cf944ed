# parser/regexp.cmake — generated Unicode property names for the RegExp
# early-error check (parser/regexp_syntax.c).  Included by the top-level
# CMakeLists.txt after the jsvm_parser target exists.
#
# The header is derived from the UCD installed by tools/setup (Debian's
# unicode-data) so that \p{...} accepts exactly the names of that Unicode
# version; it is never checked in.  Variables are prefixed PRS_RX_ because
# this file runs in the top-level scope.
find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(PRS_RX_PROPS_SRC /usr/share/unicode/PropertyValueAliases.txt
    CACHE FILEPATH "Unicode PropertyValueAliases.txt (Debian package unicode-data)")
if(NOT EXISTS ${PRS_RX_PROPS_SRC})
  message(FATAL_ERROR
    "${PRS_RX_PROPS_SRC} is missing (Debian package unicode-data): run tools/setup")
endif()
set(PRS_RX_PROPS_GEN ${CMAKE_SOURCE_DIR}/tools/gen_unicode_props.py)
set(PRS_RX_PROPS_H ${CMAKE_BINARY_DIR}/gen/parser/unicode_props.h)

add_custom_command(
  OUTPUT ${PRS_RX_PROPS_H}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/gen/parser
  COMMAND ${Python3_EXECUTABLE} ${PRS_RX_PROPS_GEN} ${PRS_RX_PROPS_SRC}
          ${PRS_RX_PROPS_H}
  DEPENDS ${PRS_RX_PROPS_GEN} ${PRS_RX_PROPS_SRC}
  COMMENT "Generating gen/parser/unicode_props.h"
  VERBATIM)
add_custom_target(prs_regexp_unicode_props DEPENDS ${PRS_RX_PROPS_H})

add_dependencies(jsvm_parser prs_regexp_unicode_props)
# Also list the header as a source so that the dependency of
# regexp_syntax.c on it is tracked within the target.
target_sources(jsvm_parser PRIVATE ${PRS_RX_PROPS_H})
target_include_directories(jsvm_parser PRIVATE ${CMAKE_BINARY_DIR}/gen)
