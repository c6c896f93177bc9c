#ifndef KPI_CLAPACKE_SHIM_H
#define KPI_CLAPACKE_SHIM_H
#include <lapacke.h>
#endif
