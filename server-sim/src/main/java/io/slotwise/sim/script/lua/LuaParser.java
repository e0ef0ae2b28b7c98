package io.slotwise.sim.script.lua;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a Lua 5.1 chunk into a syntax tree whose names are already resolved (see {@link FunctionScope}), with Lua
 * 5.1's operator priorities and its syntax error messages ({@code 'end' expected (to close 'function' at line 1) near
 * '<eof>'}, {@code unexpected symbol near 'x'}). One parser per chunk. The file is longer than most because statement
 * and expression rules of the grammar call each other and share the token position and the scope; split, they would
 * need both in a shared object anyway.
 */
final class LuaParser {
    /** Left and right priority of each binary operator, as Lua 5.1's parser has them. */
    private static final Map<String, int[]> BINARY = Map.ofEntries(
            Map.entry("+", new int[] {6, 6}),
            Map.entry("-", new int[] {6, 6}),
            Map.entry("*", new int[] {7, 7}),
            Map.entry("/", new int[] {7, 7}),
            Map.entry("%", new int[] {7, 7}),
            Map.entry("^", new int[] {10, 9}),
            Map.entry("..", new int[] {5, 4}),
            Map.entry("==", new int[] {3, 3}),
            Map.entry("~=", new int[] {3, 3}),
            Map.entry("<", new int[] {3, 3}),
            Map.entry("<=", new int[] {3, 3}),
            Map.entry(">", new int[] {3, 3}),
            Map.entry(">=", new int[] {3, 3}),
            Map.entry("and", new int[] {2, 2}),
            Map.entry("or", new int[] {1, 1}));

    private static final int UNARY_PRIORITY = 8;

    private final List<Token> tokens;
    private final String chunk;
    private int pos;
    private FunctionScope scope;

    private LuaParser(List<Token> tokens, String chunk) {
        this.tokens = tokens;
        this.chunk = chunk;
    }

    /**
     * Parses a chunk into the prototype of its main function (a vararg function without parameters).
     *
     * @param source the source, one character per byte
     * @param chunk the chunk name for error messages
     * @return the main function
     * @throws LuaError with Lua's message on a syntax error
     */
    static FunctionProto parse(String source, String chunk) {
        LuaParser parser = new LuaParser(LuaLexer.tokenize(source, chunk), chunk);
        FunctionProto main = new FunctionProto("main chunk", 0);
        main.vararg = true;
        parser.scope = new FunctionScope(null, main);
        main.body = parser.block();
        parser.expect("<eof>");
        parser.scope.finish();
        return main;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean at(String kind) {
        return peek().kind().equals(kind);
    }

    private Token advance() {
        Token token = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return token;
    }

    private boolean accept(String kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    private LuaError error(String message) {
        Token token = peek();
        return new LuaError(chunk + ":" + token.line() + ": " + message + " near '" + token.near() + "'", token.line());
    }

    private Token expect(String kind) {
        if (!at(kind)) {
            throw error("'" + kind + "' expected");
        }
        return advance();
    }

    private void expectClosing(String kind, String opener, int openLine) {
        if (at(kind)) {
            advance();
            return;
        }
        if (openLine == peek().line()) {
            throw error("'" + kind + "' expected");
        }
        throw error("'" + kind + "' expected (to close '" + opener + "' at line " + openLine + ")");
    }

    private String name() {
        return expect("<name>").text();
    }

    private static boolean blockEnds(String kind) {
        return switch (kind) {
            case "else", "elseif", "end", "until", "<eof>" -> true;
            default -> false;
        };
    }

    private Block block() {
        int mark = scope.openBlock();
        Block block = blockKeepingScope();
        scope.closeBlock(mark);
        return block;
    }

    /** A block whose locals stay visible after it (the body of {@code repeat} up to its condition). */
    private Block blockKeepingScope() {
        int line = peek().line();
        List<Stat> statements = new ArrayList<>();
        while (!blockEnds(peek().kind())) {
            if (at("return")) {
                statements.add(returnStatement());
                break;
            }
            if (at("break")) {
                int breakLine = advance().line();
                if (scope.loopDepth == 0) {
                    throw new LuaError(
                            chunk + ":" + breakLine + ": no loop to break near '" + peek().near() + "'", breakLine);
                }
                accept(";");
                statements.add(new Stats.Break(breakLine));
                break;
            }
            statements.add(statement());
            accept(";");
        }
        return new Block(line, statements);
    }

    /** A block inside a loop: {@code break} is allowed. */
    private Block loopBlock() {
        scope.loopDepth++;
        try {
            return block();
        } finally {
            scope.loopDepth--;
        }
    }

    private Stat returnStatement() {
        int line = advance().line();
        Expr[] values = blockEnds(peek().kind()) || at(";") ? new Expr[0] : expressionList();
        accept(";");
        return new Stats.Return(line, values);
    }

    private Stat statement() {
        Token token = peek();
        int line = token.line();
        switch (token.kind()) {
            case "if":
                return ifStatement();
            case "while": {
                advance();
                Expr condition = expression();
                expect("do");
                Block body = loopBlock();
                expectClosing("end", "while", line);
                return new Stats.While(line, condition, body);
            }
            case "do": {
                advance();
                Block body = block();
                expectClosing("end", "do", line);
                return new Stats.Do(line, body);
            }
            case "for":
                return forStatement();
            case "repeat":
                return repeatStatement();
            case "function":
                return functionStatement();
            case "local":
                advance();
                return accept("function") ? localFunction(line) : localDeclaration(line);
            default:
                return expressionStatement();
        }
    }

    private Stat ifStatement() {
        int line = advance().line();
        List<Expr> conditions = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        conditions.add(expression());
        expect("then");
        blocks.add(block());
        Block otherwise = null;
        while (true) {
            if (accept("elseif")) {
                conditions.add(expression());
                expect("then");
                blocks.add(block());
            } else if (accept("else")) {
                otherwise = block();
                expectClosing("end", "if", line);
                break;
            } else {
                expectClosing("end", "if", line);
                break;
            }
        }
        return new Stats.If(line, conditions.toArray(new Expr[0]), blocks.toArray(new Block[0]), otherwise);
    }

    private Stat repeatStatement() {
        int line = advance().line();
        int mark = scope.openBlock();
        scope.loopDepth++;
        Block inner;
        try {
            inner = blockKeepingScope();
        } finally {
            scope.loopDepth--;
        }
        expectClosing("until", "repeat", line);
        Expr condition = expression();
        scope.closeBlock(mark);
        return new Stats.Repeat(line, inner, condition);
    }

    private Stat forStatement() {
        int line = advance().line();
        String first = name();
        int mark = scope.openBlock();
        Stat result;
        if (accept("=")) {
            Expr start = expression();
            expect(",");
            Expr limit = expression();
            Expr step = accept(",") ? expression() : null;
            expect("do");
            int slot = scope.declare(first);
            Block body = loopBlock();
            result = new Stats.NumericFor(line, slot, start, limit, step, body);
        } else if (at(",") || at("in")) {
            List<String> names = new ArrayList<>();
            names.add(first);
            while (accept(",")) {
                names.add(name());
            }
            expect("in");
            Expr[] iterators = expressionList();
            expect("do");
            int[] slots = names.stream().mapToInt(scope::declare).toArray();
            Block body = loopBlock();
            result = new Stats.GenericFor(line, slots, iterators, body);
        } else {
            throw error("'=' or 'in' expected");
        }
        expectClosing("end", "for", line);
        scope.closeBlock(mark);
        return result;
    }

    private Stat functionStatement() {
        int line = advance().line();
        String first = name();
        Expr target = scope.resolve(first, line);
        String fullName = first;
        boolean method = false;
        while (at(".") || at(":")) {
            boolean colon = advance().kind().equals(":");
            String key = name();
            fullName = fullName + (colon ? ":" : ".") + key;
            target = new Exprs.Index(line, target, new Exprs.Constant(line, key));
            if (colon) {
                method = true;
                break;
            }
        }
        Expr function = functionBody(fullName, line, method);
        return new Stats.Assignment(line, new Expr[] {target}, new Expr[] {function});
    }

    private Stat localFunction(int line) {
        String name = name();
        int slot = scope.declare(name);
        return new Stats.LocalFunction(line, slot, functionBody(name, line, false));
    }

    private Stat localDeclaration(int line) {
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
        } while (accept(","));
        Expr[] values = accept("=") ? expressionList() : new Expr[0];
        int[] slots = names.stream().mapToInt(scope::declare).toArray();
        return new Stats.LocalDeclaration(line, slots, values);
    }

    private Stat expressionStatement() {
        int line = peek().line();
        Expr first = suffixedExpression();
        if (at("=") || at(",")) {
            List<Expr> targets = new ArrayList<>();
            targets.add(requireAssignable(first));
            while (accept(",")) {
                targets.add(requireAssignable(suffixedExpression()));
            }
            expect("=");
            Expr[] values = expressionList();
            return new Stats.Assignment(line, targets.toArray(new Expr[0]), values);
        }
        if (!(first instanceof Calls.Call) && !(first instanceof Calls.MethodCall)) {
            throw error("syntax error");
        }
        return new Calls.CallStatement(line, first);
    }

    private Expr requireAssignable(Expr target) {
        if (target instanceof Exprs.Local
                || target instanceof Exprs.Upvalue
                || target instanceof Exprs.Global
                || target instanceof Exprs.Index) {
            return target;
        }
        throw error("syntax error");
    }

    private Expr functionBody(String name, int line, boolean method) {
        FunctionProto proto = new FunctionProto(name, line);
        FunctionScope outer = scope;
        scope = new FunctionScope(outer, proto);
        try {
            if (method) {
                scope.declare("self");
                proto.paramCount++;
            }
            expect("(");
            if (!at(")")) {
                do {
                    if (accept("...")) {
                        proto.vararg = true;
                        break;
                    }
                    scope.declare(name());
                    proto.paramCount++;
                } while (accept(","));
            }
            expect(")");
            proto.body = block();
            expectClosing("end", "function", line);
            scope.finish();
        } finally {
            scope = outer;
        }
        return new Exprs.Function(line, proto);
    }

    private Expr[] expressionList() {
        List<Expr> list = new ArrayList<>();
        list.add(expression());
        while (accept(",")) {
            list.add(expression());
        }
        return list.toArray(new Expr[0]);
    }

    private Expr expression() {
        return subExpression(0);
    }

    private Expr subExpression(int limit) {
        Token token = peek();
        Expr left;
        if (at("not") || at("-") || at("#")) {
            advance();
            Expr operand = subExpression(UNARY_PRIORITY);
            left = switch (token.kind()) {
                case "not" -> new Operators.Not(token.line(), operand);
                case "-" ->
                    operand instanceof Exprs.Constant c && c.eval(null) instanceof Double d
                            ? new Exprs.Constant(token.line(), -d)
                            : new Operators.Negate(token.line(), operand);
                default -> new Operators.Length(token.line(), operand);
            };
        } else {
            left = simpleExpression();
        }
        while (true) {
            Token op = peek();
            int[] priority = BINARY.get(op.kind());
            if (priority == null || priority[0] <= limit) {
                return left;
            }
            advance();
            Expr right = subExpression(priority[1]);
            left = binary(op, left, right);
        }
    }

    private static Expr binary(Token op, Expr left, Expr right) {
        int line = op.line();
        return switch (op.kind()) {
            case "and" -> new Operators.And(line, left, right);
            case "or" -> new Operators.Or(line, left, right);
            case ".." -> new Operators.Concat(line, left, right);
            case "==", "~=", "<", "<=", ">", ">=" -> new Operators.Compare(line, op.kind(), left, right);
            default -> new Operators.Arith(line, op.kind(), left, right);
        };
    }

    private Expr simpleExpression() {
        Token token = peek();
        int line = token.line();
        switch (token.kind()) {
            case "<number>":
                advance();
                return new Exprs.Constant(line, token.number());
            case "<string>":
                advance();
                return new Exprs.Constant(line, token.text());
            case "nil":
                advance();
                return new Exprs.Constant(line, null);
            case "true":
                advance();
                return new Exprs.Constant(line, Boolean.TRUE);
            case "false":
                advance();
                return new Exprs.Constant(line, Boolean.FALSE);
            case "...":
                if (!scope.proto.vararg) {
                    throw error("cannot use '...' outside a vararg function");
                }
                advance();
                return new Exprs.Vararg(line);
            case "{":
                return tableConstructor();
            case "function":
                advance();
                return functionBody("anonymous", line, false);
            default:
                return suffixedExpression();
        }
    }

    private Expr primaryExpression() {
        Token token = peek();
        if (at("<name>")) {
            advance();
            return scope.resolve(token.text(), token.line());
        }
        if (accept("(")) {
            Expr inner = expression();
            expectClosing(")", "(", token.line());
            return new Exprs.Paren(token.line(), inner);
        }
        throw error("unexpected symbol");
    }

    private Expr suffixedExpression() {
        Expr expr = primaryExpression();
        while (true) {
            Token token = peek();
            int line = token.line();
            switch (token.kind()) {
                case ".":
                    advance();
                    expr = new Exprs.Index(line, expr, new Exprs.Constant(line, name()));
                    break;
                case "[":
                    advance();
                    Expr key = expression();
                    expect("]");
                    expr = new Exprs.Index(line, expr, key);
                    break;
                case ":":
                    advance();
                    String method = name();
                    expr = new Calls.MethodCall(line, expr, method, callArguments());
                    break;
                case "(", "<string>", "{":
                    expr = new Calls.Call(line, expr, callArguments());
                    break;
                default:
                    return expr;
            }
        }
    }

    private Expr[] callArguments() {
        Token token = peek();
        if (at("<string>")) {
            advance();
            return new Expr[] {new Exprs.Constant(token.line(), token.text())};
        }
        if (at("{")) {
            return new Expr[] {tableConstructor()};
        }
        if (!at("(")) {
            throw error("function arguments expected");
        }
        advance();
        Expr[] args = at(")") ? new Expr[0] : expressionList();
        expectClosing(")", "(", token.line());
        return args;
    }

    private Expr tableConstructor() {
        int line = expect("{").line();
        List<Expr> positional = new ArrayList<>();
        List<Expr[]> keyed = new ArrayList<>();
        while (!at("}")) {
            if (at("[")) {
                advance();
                Expr key = expression();
                expect("]");
                expect("=");
                keyed.add(new Expr[] {key, expression()});
            } else if (at("<name>") && tokens.get(pos + 1).kind().equals("=")) {
                Token name = advance();
                advance();
                keyed.add(new Expr[] {new Exprs.Constant(name.line(), name.text()), expression()});
            } else {
                positional.add(expression());
            }
            if (!accept(",") && !accept(";")) {
                break;
            }
        }
        expectClosing("}", "{", line);
        return new Exprs.TableConstructor(line, positional, keyed);
    }
}
