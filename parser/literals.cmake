# parser/literals.cmake — generated Unicode tables for parser/literals.c.
#
# Included by the top-level CMakeLists.txt after jsvm_parser is defined.
# Generates ${CMAKE_BINARY_DIR}/gen/parser/unicode_id.h (ID_Start and
# ID_Continue ranges) from the UCD file that the Debian package unicode-data
# installs, and makes jsvm_parser depend on it.  Variables are prefixed
# PRS_LIT_ because this file runs in the top-level scope.

set(PRS_LIT_UCD_FILE /usr/share/unicode/DerivedCoreProperties.txt
    CACHE FILEPATH "Unicode DerivedCoreProperties.txt (Debian package unicode-data)")
if(NOT EXISTS ${PRS_LIT_UCD_FILE})
  message(FATAL_ERROR
    "${PRS_LIT_UCD_FILE} is missing (Debian package unicode-data): run tools/setup")
endif()

find_package(Python3 REQUIRED COMPONENTS Interpreter)

set(PRS_LIT_GEN_DIR ${CMAKE_BINARY_DIR}/gen)
set(PRS_LIT_UNICODE_H ${PRS_LIT_GEN_DIR}/parser/unicode_id.h)
set(PRS_LIT_GENERATOR ${CMAKE_SOURCE_DIR}/tools/gen_unicode_id.py)

# Regenerated whenever the generator or the data file changes.
add_custom_command(
  OUTPUT ${PRS_LIT_UNICODE_H}
  COMMAND ${Python3_EXECUTABLE} ${PRS_LIT_GENERATOR} ${PRS_LIT_UCD_FILE}
          ${PRS_LIT_UNICODE_H}
  DEPENDS ${PRS_LIT_GENERATOR} ${PRS_LIT_UCD_FILE}
  COMMENT "Generating parser/unicode_id.h from ${PRS_LIT_UCD_FILE}"
  VERBATIM)

# Listing the header as a source makes jsvm_parser's objects wait for it.
target_sources(jsvm_parser PRIVATE ${PRS_LIT_UNICODE_H})
target_include_directories(jsvm_parser PRIVATE ${PRS_LIT_GEN_DIR})
