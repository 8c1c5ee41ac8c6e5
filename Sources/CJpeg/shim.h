// libjpeg-turbo, for JPEG previews: its DCT scaling decodes a photo at 1/2, 1/4 or 1/8 of its size for
// a fraction of a full decode's cost. Only the C shim in CMediaCodecs includes it, so Swift never meets
// libjpeg's setjmp/longjmp error handling. jpeglib.h needs FILE and size_t declared before it.
#include <stdio.h>
#include <jpeglib.h>
