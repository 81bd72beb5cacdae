// libphonenumber C++ peer for benches/compare/run.sh (compiled by that script with g++).
//
// Usage: cpp_harness CORPUS_DIR OUT_DIR RUNS
// Runs PhoneNumberMatcher (region US, leniency VALID, the library's default) over every
// document of CORPUS_DIR/text.corpus, and PhoneNumberUtil::Parse + Format(E164) over every
// line of CORPUS_DIR/normalize.txt. Writes the numbers found to OUT_DIR/cpp.<task>.found and
// prints one JSON line per task: {"engine","task","bytes","items","seconds"}: CPU seconds,
// best of RUNS.
#include <time.h>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

static std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

static std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    if (pos == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

// CPU time of this process: the machine is shared, and wall time counts the others' work.
static double now() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: cpp_harness CORPUS_DIR OUT_DIR RUNS\n";
    return 2;
  }
  const std::string dir = argv[1], out = argv[2];
  const int runs = std::stoi(argv[3]);
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();

  // --- text finding ---
  std::vector<std::string> docs = split(slurp(dir + "/text.corpus"), '\x1e');
  size_t bytes = 0;
  for (auto& d : docs) bytes += d.size();
  std::vector<std::vector<std::string>> found(docs.size());
  double best = std::numeric_limits<double>::max();
  for (int r = 0; r < runs; ++r) {
    double t0 = now();
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<std::string> nums;
      PhoneNumberMatcher matcher(util, docs[i], "US", PhoneNumberMatcher::VALID,
                                 std::numeric_limits<int>::max());
      while (matcher.HasNext()) {
        PhoneNumberMatch m;
        matcher.Next(&m);
        std::string e164;
        util.Format(m.number(), PhoneNumberUtil::E164, &e164);
        nums.push_back(e164);
      }
      found[i] = std::move(nums);
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  {
    std::ofstream f(out + "/cpp.text.found");
    for (auto& nums : found) {
      for (size_t j = 0; j < nums.size(); ++j) f << (j ? "," : "") << nums[j];
      f << "\n";
    }
  }
  std::cout << "{\"engine\":\"libphonenumber C++ " << "8.12 (Debian)"
            << "\",\"task\":\"text\",\"bytes\":" << bytes << ",\"items\":" << docs.size()
            << ",\"seconds\":" << best << "}" << std::endl;

  // --- normalise ---
  std::vector<std::string> lines = split(slurp(dir + "/normalize.txt"), '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::vector<std::string> e164s(lines.size());
  best = std::numeric_limits<double>::max();
  for (int r = 0; r < runs; ++r) {
    double t0 = now();
    for (size_t i = 0; i < lines.size(); ++i) {
      PhoneNumber n;
      if (util.Parse(lines[i], "US", &n) == PhoneNumberUtil::NO_PARSING_ERROR) {
        util.Format(n, PhoneNumberUtil::E164, &e164s[i]);
      } else {
        e164s[i].clear();
      }
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  {
    std::ofstream f(out + "/cpp.normalize.found");
    for (auto& e : e164s) f << e << "\n";
  }
  std::cout << "{\"engine\":\"libphonenumber C++ 8.12 (Debian)\",\"task\":\"normalize\",\"bytes\":0,\"items\":"
            << lines.size() << ",\"seconds\":" << best << "}" << std::endl;
  return 0;
}
