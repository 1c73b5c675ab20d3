#ifndef AUTOSWIFTML_CLINEARALGEBRA_SHIM_H
#define AUTOSWIFTML_CLINEARALGEBRA_SHIM_H
// Debian's libopenblas-dev registers cblas.h on the default include path;
// liblapacke-dev ships lapacke.h. Complex types are structs so Swift can import them.
#define LAPACK_COMPLEX_STRUCTURE
#include <cblas.h>
#include <lapacke.h>
#endif
