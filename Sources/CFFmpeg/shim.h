// FFmpeg's libraries (Debian's libav*-dev): capture devices, containers, codecs and scaling. Only the C shims
// in CVideoCodecs and CMediaFixtures include them, so Swift never meets FFmpeg's macros and its errors stay
// numbers that the shims turn into sentences.
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>
#include <libavutil/avutil.h>
