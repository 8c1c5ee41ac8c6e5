// OpenSSL's libcrypto, for scrypt: the system's build is optimised whatever configuration Parley is built in,
// so a sign-in's password hash takes the same time in a debug build as in a release one.
#include <openssl/evp.h>
