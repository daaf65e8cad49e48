import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Response;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.ApiResponse;
import org.openapitools.client.JSON;
import org.openapitools.client.auth.HttpBasicAuth;

/**
 * Run by .ci/clients with the generated Java client (okhttp-gson): calls every case through the client's API classes,
 * reads each answer with the client's models and writes it back with the client's serializer; writes {case, raw,
 * back} per line for .ci/clients to compare. Arguments: cases.json, the output file.
 */
public class Check {

    public static void main(String[] args) throws Exception {
        Gson gson = JSON.getGson();
        JsonObject cases = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        List<String> lines = new ArrayList<>();
        for (var element : cases.getAsJsonArray("calls")) {
            JsonObject c = element.getAsJsonObject();
            JsonObject line = new JsonObject();
            line.addProperty("case", c.get("case").getAsString());
            try {
                call(cases, c, line);
            } catch (Throwable e) {
                line.addProperty("error", describe(e));
            }
            lines.add(line.toString());
        }
        for (var element : cases.getAsJsonArray("reads")) {
            JsonObject r = element.getAsJsonObject();
            JsonObject line = new JsonObject();
            line.addProperty("case", r.get("case").getAsString());
            try {
                Class<?> model = Class.forName("org.openapitools.client.model." + r.get("schema").getAsString());
                Object value = gson.fromJson(r.get("json"), model);
                line.add("raw", r.get("json"));
                line.add("back", JsonParser.parseString(JSON.serialize(value)));
            } catch (Throwable e) {
                line.addProperty("error", describe(e));
            }
            lines.add(line.toString());
        }
        Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
    }

    private static void call(JsonObject cases, JsonObject c, JsonObject line) throws Exception {
        AtomicReference<String> raw = new AtomicReference<>();
        ApiClient client = new ApiClient();
        client.setBasePath(cases.get("baseUrl").getAsString());
        // the body as the server sent it, kept aside before the client reads it
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            raw.set(response.peekBody(Long.MAX_VALUE).string());
            return response;
        }).build());
        // a build or a batch may take a while on a busy machine
        client.setReadTimeout(300_000);
        if (!c.get("user").isJsonNull()) {
            // each of the document's schemes (admin, planner) has its own credentials
            String user = c.get("user").getAsString();
            HttpBasicAuth scheme = (HttpBasicAuth) client.getAuthentication(user);
            scheme.setUsername(user);
            scheme.setPassword(cases.getAsJsonObject("users").get(user).getAsString());
        }
        Class<?> apiClass = Class.forName("org.openapitools.client.api." + c.get("api").getAsString() + "Api");
        Object api = apiClass.getConstructor(ApiClient.class).newInstance(client);
        String name = c.get("op").getAsString() + "WithHttpInfo";
        Method method = null;
        for (Method m : apiClass.getMethods()) {
            if (m.getName().equals(name)) {
                method = m;
            }
        }
        if (method == null) {
            throw new IllegalStateException("no method " + name + " in " + apiClass.getName());
        }
        JsonObject params = c.getAsJsonObject("params");
        Object[] arguments = new Object[method.getParameterCount()];
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            String p = parameters[i].getName();
            String bodySchema = c.get("bodySchema").isJsonNull() ? null : c.get("bodySchema").getAsString();
            if (bodySchema == null ? p.equals("body") && !c.get("body").isJsonNull() : p.equalsIgnoreCase(bodySchema)) {
                arguments[i] = JSON.getGson().fromJson(c.get("body"), parameters[i].getParameterizedType());
            } else {
                for (Map.Entry<String, com.google.gson.JsonElement> e : params.entrySet()) {
                    if (p.equals(e.getKey()) || p.equals("_" + e.getKey())) {
                        arguments[i] = JSON.getGson().fromJson(e.getValue(), parameters[i].getParameterizedType());
                    }
                }
            }
        }
        try {
            ApiResponse<?> answer = (ApiResponse<?>) method.invoke(api, arguments);
            line.add("raw", JsonParser.parseString(raw.get()));
            line.add("back", JsonParser.parseString(JSON.serialize(answer.getData())));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ApiException a) {
                throw new IllegalStateException(a.getCode() + " " + a.getResponseBody(), a);
            }
            throw e;
        }
    }

    private static String describe(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
