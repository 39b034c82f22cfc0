// The kgx binary: hands the command line to the CLI layer and returns its exit status.
#include "cli/commands.h"

int main(int argc, char** argv) { return kgx::RunCommandLine(argc, argv); }
