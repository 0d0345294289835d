# Warning flags for every kardashev target; -Werror with KD_WERROR, sanitizers with KD_SANITIZE (and KD_FUZZ).
function(kd_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  # NOTE: GCC 12 reports a false -Wrestrict inside libstdc++'s std::string concatenation at -O2/-O3
  # (GCC bug 105329); the warning says nothing about our code, so it is off for GCC 12 only.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(KD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(KD_FUZZ)
  # Every object carries libFuzzer's coverage hooks and both sanitizers; the targets add libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(KD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
