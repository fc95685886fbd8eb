#include "fw-cli.h"
int
fw_cli_run (int argc, char **argv)
{
  return 0;
}
