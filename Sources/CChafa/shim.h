// chafa turns pixels into terminal symbols and colours. Only the C shim in CMediaCodecs includes it, so
// Swift never has to import glib's headers.
#include <chafa.h>
