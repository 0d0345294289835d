# Warning flags for every kardashev target; -Werror with KD_WERROR, sanitizers with KD_SANITIZE.
function(kd_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(KD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(KD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
