// Asks a V4L2 node what it is, for /camera list. FFmpeg's device listing needs the device opened for
// capture; VIDIOC_QUERYCAP answers without touching the stream, so a camera in use elsewhere is still listed.
#include "CVideoCodecs.h"
#include <fcntl.h>
#include <linux/videodev2.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int parley_v4l2_capture_name(const char *path, char *name, size_t name_size) {
    int descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (descriptor < 0) return -1;
    struct v4l2_capability capability;
    memset(&capability, 0, sizeof capability);
    int result = ioctl(descriptor, VIDIOC_QUERYCAP, &capability);
    close(descriptor);
    if (result < 0) return 0;
    uint32_t caps = capability.capabilities & V4L2_CAP_DEVICE_CAPS ? capability.device_caps : capability.capabilities;
    if (!(caps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE))) return 0;
    snprintf(name, name_size, "%s", (const char *)capability.card);
    return 1;
}
