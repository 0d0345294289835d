# kd_embed_files(TARGET NAMESPACE name1 file1 [name2 file2 ...])
# Compiles each file into TARGET as `extern const std::string_view NAMESPACE::nameN`, so the
# binary carries its default scenario, catalogues and report assets and runs from any directory.
# A target may call it more than once; each call writes its own source, named after its first name.
function(kd_embed_files target ns)
  set(args ${ARGN})
  list(GET args 0 first_name)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/kd_embedded_${target}_${first_name}.cpp)
  set(deps "")
  set(names "")
  set(files "")
  list(LENGTH args n)
  math(EXPR last "${n} - 1")
  foreach(i RANGE 0 ${last} 2)
    math(EXPR j "${i} + 1")
    list(GET args ${i} name)
    list(GET args ${j} file)
    list(APPEND names ${name})
    list(APPEND files ${file})
    list(APPEND deps ${file})
  endforeach()
  # Lists travel to the script joined by "," (a ";" would split the command line).
  string(REPLACE ";" "," names_arg "${names}")
  string(REPLACE ";" "," files_arg "${files}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ns} -DNAMES=${names_arg} -DFILES=${files_arg}
            -P ${PROJECT_SOURCE_DIR}/cmake/kardashev_embed_gen.cmake
    DEPENDS ${deps} ${PROJECT_SOURCE_DIR}/cmake/kardashev_embed_gen.cmake
    COMMENT "Embedding ${names_arg}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
