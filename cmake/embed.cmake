# Turns a text file into a C++ source defining
#   namespace NAMESPACE { extern const char* const SYMBOL; }
# Usage: cmake -DINPUT=f -DOUTPUT=f.cpp -DSYMBOL=name -DNAMESPACE=ns -P embed.cmake
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT}; edit that file instead.\n"
  "namespace ${NAMESPACE} {\n"
  "namespace { const char data[] = {${bytes} 0}; }\n"
  "extern const char* const ${SYMBOL};\n"
  "const char* const ${SYMBOL} = data;\n"
  "}\n")
