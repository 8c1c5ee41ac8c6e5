// libsndfile reads WAV, FLAC and Ogg; its API holds no global state, so Swift calls it directly.
#include <sndfile.h>
